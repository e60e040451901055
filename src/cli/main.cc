// palmyra: the command line. Each subcommand lives in a file of its own.
#include <exception>
#include <new>

#include <CLI/CLI.hpp>

#include "cli/analyze_command.h"
#include "cli/code_command.h"
#include "cli/dict_command.h"
#include "cli/queue_commands.h"
#include "cli/store_commands.h"
#include "cli/validate_command.h"
#include "cli/watch_command.h"
#include "core/build_config.h"
#include "core/strings.h"
#include "serve/http_server.h"

namespace palmyra {
namespace {

// What every command that builds an engine takes: its folders, the user's
// dictionaries, the conventions, and how sure an event must be.
void AddEngineOptions(CLI::App* cmd, Options* engine) {
  cmd->add_option("--data-dir", engine->data_dir, "Folder of Palmyra's dictionaries and tables");
  cmd->add_option("--model-dir", engine->model_dir, "Folder of the part-of-speech model");
  cmd->add_option("--wordnet-dir", engine->wordnet_dir, "Folder of WordNet's dictionary files");
  cmd->add_option("--dict", engine->dictionaries,
                  "Dictionary files or folders in the PETRARCH/TABARI formats (actors, "
                  "agents, verbs, discards), used with the built-in ones");
  cmd->add_flag("--no-builtin-dictionaries{false}", engine->builtin_dictionaries,
                "Use only the --dict dictionaries (and the built-in synonym sets)");
  cmd->add_flag("--no-dict-cache{false}", engine->dictionary_cache,
                "Read the --dict actor files themselves, not their compiled copies in "
                "~/.cache/palmyra");
  cmd->add_flag("--petrarch", engine->petrarch_conventions,
                "Code as PETRARCH does where the two differ (targets after any preposition)");
  cmd->add_flag("--wordnet-verbs", engine->wordnet_verbs,
                "Code verbs no pattern lists by their nearest listed WordNet synonym or "
                "hypernym (rule wordnet/...), weighed by the decision model");
  cmd->add_option("--min-confidence", engine->min_confidence,
                  "Leave out events less likely than P to be real events of their type (0 to 1; "
                  "default: the decision model's threshold, chosen for F1; 0 keeps every event "
                  "the rules propose)")
      ->check(CLI::Range(0.0, 1.0));
}

// Where the queue is, for enqueue and worker.
void AddQueueOptions(CLI::App* cmd, QueueOptions* queue) {
  cmd->add_option("--nats", queue->url, "The NATS server (default nats://127.0.0.1:4222)");
  cmd->add_option("--stream", queue->stream,
                  "The JetStream stream of articles (default PALMYRA; made if missing, with "
                  "PALMYRA_DEAD for the dead letters)");
  cmd->add_option("--subject", queue->subject, "Its subject (default palmyra.articles)");
}

CLI::App* AddQueueCommands(CLI::App* app, EnqueueCommandOptions* enqueue,
                           WorkerCommandOptions* worker, CLI::App** worker_cmd) {
  CLI::App* enqueue_cmd = app->add_subcommand(
      "enqueue", "Put articles on a NATS JetStream queue for 'palmyra worker' to code.");
  enqueue_cmd
      ->add_option("inputs", enqueue->inputs,
                   "Articles, in any form 'code' reads (files, folders, - for standard input)")
      ->required();
  AddQueueOptions(enqueue_cmd, &enqueue->queue);
  enqueue_cmd->add_option("--date", enqueue->date,
                          "Publication date (YYYY-MM-DD) of articles without one");
  enqueue_cmd
      ->add_option("--max-article-bytes", enqueue->max_article_bytes,
                   "Skip (and report) longer articles (default 64M)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber);
  enqueue_cmd->add_flag("-q,--quiet", enqueue->quiet, "Do not print the summary line");

  *worker_cmd = app->add_subcommand(
      "worker",
      "Code articles from a NATS JetStream queue into a shared database, acknowledging each "
      "once it is stored; run as many as you like, start and stop them at any time.");
  CLI::App* w = *worker_cmd;
  AddQueueOptions(w, &worker->queue);
  w->add_option("--pg", worker->pg, "The PostgreSQL database (a libpq connection string)");
  w->add_option("--db", worker->db, "Instead of --pg: an SQLite database")->excludes("--pg");
  w->add_option("--threads", worker->threads, "Coding threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  w->add_option("--batch", worker->batch,
                "Articles fetched, coded and stored at a time (default 256)")
      ->check(CLI::PositiveNumber);
  w->add_option("--ack-wait", worker->queue.ack_wait_ms,
                "Milliseconds after which the server hands the unacknowledged articles of a "
                "silent worker to another (default 300000; set when the shared consumer is "
                "first made)")
      ->check(CLI::PositiveNumber);
  w->add_option("--max-deliver", worker->queue.max_deliver,
                "Attempts to code an article before it goes to the dead letters (default 5)")
      ->check(CLI::PositiveNumber);
  w->add_flag("--drain", worker->drain, "Stop once no article is pending or unacknowledged");
  w->add_flag("--keep-duplicates", worker->keep_duplicates,
              "Code near-duplicate articles too, rather than linking them");
  w->add_flag("-q,--quiet", worker->quiet, "Do not print the summary line");
  AddEngineOptions(w, &worker->engine);
  enqueue_cmd->footer(
      "Examples:\n"
      "  palmyra enqueue --nats nats://queue:4222 news/*.jsonl\n"
      "  curl -s https://example.org/feed.rss | palmyra enqueue -");
  w->footer(
      "Examples:\n"
      "  palmyra worker --nats nats://queue:4222 --pg 'host=db dbname=events' --threads 2\n"
      "  palmyra worker --pg 'dbname=events' --drain -q");
  return enqueue_cmd;
}

CLI::App* AddWatchCommand(CLI::App* app, WatchCommandOptions* watch) {
  CLI::App* cmd = app->add_subcommand(
      "watch",
      "Poll RSS and Atom feeds and code what is new into a database, or put it on the queue.");
  cmd->add_option("feeds", watch->feeds, "A file of feed URLs, one a line ('#' comments)")
      ->required();
  cmd->add_option("--db", watch->db, "Code new articles into this SQLite database");
  cmd->add_option("--pg", watch->pg, "Or into this PostgreSQL database")->excludes("--db");
  cmd->add_option("--nats", watch->queue.url, "Or put them on this NATS JetStream queue")
      ->each([watch](const std::string&) { watch->nats = true; })
      ->excludes("--db")
      ->excludes("--pg");
  cmd->add_option("--stream", watch->queue.stream, "The queue's stream (default PALMYRA)");
  cmd->add_option("--subject", watch->queue.subject, "Its subject (default palmyra.articles)");
  cmd->add_option("--every", watch->every, "Time between polls (default 15m; 90s, 1h ...)");
  cmd->add_option("--timeout", watch->timeout, "Time limit of a request (default 30s)");
  cmd->add_option("--max-feed-bytes", watch->max_feed_bytes,
                  "Refuse larger feeds and pages (default 16M; suffixes K, M, G)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--fetch-pages", watch->fetch_pages,
                "Fetch each new item's page and code its whole article, not the feed's summary");
  cmd->add_option("--polls", watch->polls, "Stop after this many polls (default: never)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--threads", watch->threads, "Coding threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("-q,--quiet", watch->quiet, "No status line per poll");
  AddEngineOptions(cmd, &watch->engine);
  cmd->footer(
      "Examples:\n"
      "  palmyra watch feeds.txt --db events.db --every 10m --fetch-pages\n"
      "  palmyra watch feeds.txt --nats nats://queue:4222 --every 5m");
  return cmd;
}

CLI::App* AddCodeCommand(CLI::App* app, CodeCommandOptions* code) {
  CLI::App* code_cmd = app->add_subcommand(
      "code", "Code articles into events: one JSON object per event on standard output.");
  code_cmd
      ->add_option("inputs", code->inputs,
                   "Articles: text files (first line = headline), JSON Lines (id, text, title, "
                   "url, source, date), web pages, RSS/Atom feeds, WARC(.gz) crawls, "
                   "directories, or - for standard input")
      ->required();
  code_cmd->add_option("--date", code->date,
                       "Publication date (YYYY-MM-DD) of articles without one");
  code_cmd->add_option("--threads", code->threads, "Worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  code_cmd->add_option("--format", code->format, "Output format: jsonl (default) or text");
  code_cmd->add_option("-o,--output", code->output,
                       "Write events to this file instead of standard output");
  code_cmd->add_option("--db", code->db,
                       "Store articles, sentences and events in this SQLite database (then "
                       "events go to standard output only with -o -)");
  code_cmd
      ->add_option("--pg", code->pg,
                   "Instead of --db: store them in this PostgreSQL database (a libpq connection "
                   "string: \"host=/run/postgresql dbname=events\" or postgresql://...), "
                   "creating the schema and PostGIS if need be")
      ->excludes("--db");
  code_cmd->add_flag("-q,--quiet", code->quiet, "Do not print the summary line");
  code_cmd->add_flag("--keep-duplicates", code->keep_duplicates,
                     "Code near-duplicate articles (syndicated copies, updates) too, rather than "
                     "linking them to the first");
  code_cmd
      ->add_option("--max-article-bytes", code->max_article_bytes,
                   "Skip (and report) articles longer than this, after decompression: a JSON "
                   "Lines record, a WARC record, a text file, page or feed read whole (default "
                   "64M; suffixes K, M, G)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber);
  AddEngineOptions(code_cmd, &code->engine);
  return code_cmd;
}

CLI::App* AddAnalyzeCommand(CLI::App* app, AnalyzeCommandOptions* analyze) {
  CLI::App* analyze_cmd = app->add_subcommand(
      "analyze", "Show how a text is read: sentences, phrases, clauses, actors and events.");
  auto* text_option = analyze_cmd->add_option("--text", analyze->text, "The text to analyse");
  analyze_cmd->add_option("input", analyze->input, "A text file, or - for standard input")
      ->excludes(text_option);
  analyze_cmd->add_option("--date", analyze->date, "Publication date (YYYY-MM-DD)");
  AddEngineOptions(analyze_cmd, &analyze->engine);
  return analyze_cmd;
}

// `palmyra dict check`; returns the check subcommand.
CLI::App* AddDictCommand(CLI::App* app, DictCommandOptions* dict) {
  CLI::App* dict_cmd = app->add_subcommand("dict", "Work with dictionary files.");
  dict_cmd->require_subcommand(1);
  CLI::App* check_cmd = dict_cmd->add_subcommand(
      "check",
      "Report errors and warnings in dictionaries (actors, agents, verbs, discards, issues) with "
      "file and line; exit 1 on errors.");
  check_cmd->add_option("inputs", dict->inputs, "Dictionary files or folders")->required();
  check_cmd->add_flag("--errors-only", dict->errors_only, "Print errors, not warnings");
  check_cmd->add_option("--data-dir", dict->data_dir,
                        "Folder of Palmyra's tables (CAMEO codes, actor roles)");
  return check_cmd;
}

CLI::App* AddValidateCommand(CLI::App* app, ValidateCommandOptions* validate) {
  CLI::App* validate_cmd = app->add_subcommand(
      "validate",
      "Run PETRARCH validation records (XML) with the dictionaries their <Environment> names; "
      "print each failure and 'N passed, M failed'.");
  validate_cmd->add_option("records", validate->records, "The validation records (XML)")
      ->required();
  validate_cmd->add_option("--dict-dir", validate->dict_dir,
                           "Another folder to look for the records' dictionaries in");
  validate_cmd->add_option("--min-pass", validate->min_pass,
                           "Exit with status 1 when fewer records pass");
  validate_cmd->add_flag("-q,--quiet", validate->quiet, "Print only the summary line");
  validate_cmd->add_option("--data-dir", validate->engine.data_dir, "Folder of Palmyra's tables");
  return validate_cmd;
}

// The options of `app` as a completion word list ("-o --output --db ...").
std::string OptionWords(const CLI::App& app) {
  std::string words;
  for (const CLI::Option* o : app.get_options()) {
    for (const std::string& n : o->get_snames()) words += " -" + n;
    for (const std::string& n : o->get_lnames()) words += " --" + n;
  }
  return words.empty() ? words : words.substr(1);
}

// A bash completion script for `app`: commands, subcommands and each one's
// options; file names elsewhere.
std::string BashCompletion(CLI::App& app) {
  auto all = [](const CLI::App*) { return true; };
  std::string commands, cases;
  for (CLI::App* sub : app.get_subcommands(all)) {
    commands += (commands.empty() ? "" : " ") + sub->get_name();
    std::string words = OptionWords(*sub);
    std::string nested;
    for (CLI::App* inner : sub->get_subcommands(all)) {
      words += " " + inner->get_name();
      nested += "          " + inner->get_name() + ") opts=\"" + OptionWords(*inner) + "\" ;;\n";
    }
    if (sub->get_name() == "help" || sub->get_name() == "completion") {
      continue;  // their words are listed below
    }
    cases += "    " + sub->get_name() + ")\n      opts=\"" + words + "\"\n";
    if (!nested.empty()) {
      cases +=
          "      if [[ ${COMP_CWORD} -eq 2 ]]; then\n        words_only=1\n      else\n"
          "        case \"${COMP_WORDS[2]}\" in\n" +
          nested + "        esac\n      fi\n";
    }
    cases += "      ;;\n";
  }
  return "# bash completion for palmyra (written by `palmyra completion bash`)\n"
         "_palmyra() {\n"
         "  local cur=\"${COMP_WORDS[COMP_CWORD]}\"\n"
         "  local commands=\"" +
         commands +
         "\"\n"
         "  if [[ ${COMP_CWORD} -eq 1 ]]; then\n"
         "    COMPREPLY=($(compgen -W \"${commands} -h --help -V --version\" -- \"${cur}\"))\n"
         "    return\n"
         "  fi\n"
         "  local opts=\"\" words_only=0\n"
         "  case \"${COMP_WORDS[1]}\" in\n" +
         cases +
         "    help) opts=\"${commands}\"; words_only=1 ;;\n"
         "    completion) opts=\"bash\"; words_only=1 ;;\n"
         "  esac\n"
         "  if [[ ${cur} == -* || ${words_only} -eq 1 ]]; then\n"
         "    COMPREPLY=($(compgen -W \"${opts}\" -- \"${cur}\"))\n"
         "  else\n"
         "    COMPREPLY=($(compgen -f -- \"${cur}\"))\n"
         "  fi\n"
         "}\n"
         "complete -o filenames -F _palmyra palmyra\n";
}

}  // namespace
}  // namespace palmyra

namespace {

int Main(int argc, char** argv) {
  CLI::App app{"Palmyra turns news articles into coded event data (CAMEO, PLOVER, ACLED)."};
  app.name("palmyra");
  app.set_version_flag("-V,--version", PALMYRA_VERSION);
  app.require_subcommand(1);

  palmyra::CodeCommandOptions code;
  CLI::App* code_cmd = palmyra::AddCodeCommand(&app, &code);
  palmyra::AnalyzeCommandOptions analyze;
  CLI::App* analyze_cmd = palmyra::AddAnalyzeCommand(&app, &analyze);
  palmyra::DictCommandOptions dict;
  CLI::App* check_cmd = palmyra::AddDictCommand(&app, &dict);
  palmyra::ValidateCommandOptions validate;
  CLI::App* validate_cmd = palmyra::AddValidateCommand(&app, &validate);

  palmyra::ExportCommandOptions exporting;
  CLI::App* export_cmd =
      app.add_subcommand("export", "Write events stored by 'code --db' in another format.");
  export_cmd->add_option("--db", exporting.db, "The database");
  export_cmd->add_option("--pg", exporting.pg, "Instead of --db: a PostgreSQL database")
      ->excludes("--db");
  export_cmd->add_option("--events", exporting.events,
                         "Instead of --db: events as 'code' writes them (JSON Lines; - for "
                         "standard input), each its own happening");
  export_cmd->add_option("--format", exporting.format,
                         "jsonl (default, as 'code' writes), csv, gdelt (GDELT 2.0 event table), "
                         "gdelt-mentions (its Mentions table), plover (PLOVER JSON), acled "
                         "(ACLED's columns, one row per happening), "
                         "geojson (RFC 7946, the located events) or happenings (events merged, "
                         "with their counts and evidence)");
  palmyra::AddFilterOptions(export_cmd, &exporting.filter);
  export_cmd->add_option("-o,--output", exporting.output, "Write to this file");

  palmyra::ShowCommandOptions show;
  CLI::App* show_cmd = app.add_subcommand(
      "show", "Print the stored events, article by article: who, what, whom, where, when.");
  show_cmd->add_option("--db", show.db, "The database");
  show_cmd->add_option("--pg", show.pg, "Instead of --db: a PostgreSQL database")->excludes("--db");

  palmyra::StatsCommandOptions stats;
  CLI::App* stats_cmd =
      app.add_subcommand("stats",
                         "Count stored events by day, type, actor and country, or per "
                         "period with --by.");
  stats_cmd->add_option("--db", stats.db, "The database");
  stats_cmd->add_option("--pg", stats.pg, "Instead of --db: a PostgreSQL database")
      ->excludes("--db");
  stats_cmd->add_option("--top", stats.top, "Rows of each ranking (default 20)")
      ->check(CLI::PositiveNumber);
  stats_cmd
      ->add_option("--by", stats.by,
                   "A time series instead: events and dead per day, week or month and "
                   "PLOVER type")
      ->check(CLI::IsMember({"day", "week", "month"}));
  stats_cmd->add_option("--format", stats.format, "text (default) or csv, with --by")
      ->check(CLI::IsMember({"text", "csv"}));
  palmyra::AddFilterOptions(stats_cmd, &stats.filter);

  palmyra::EnqueueCommandOptions enqueue;
  palmyra::WorkerCommandOptions worker;
  CLI::App* worker_cmd = nullptr;
  CLI::App* enqueue_cmd = palmyra::AddQueueCommands(&app, &enqueue, &worker, &worker_cmd);

  palmyra::WatchCommandOptions watch;
  CLI::App* watch_cmd = palmyra::AddWatchCommand(&app, &watch);

  palmyra::ServeOptions serve;
  CLI::App* serve_cmd = app.add_subcommand(
      "serve", "Serve a database's events over HTTP: a JSON API for maps, timelines and tools.");
  serve_cmd->add_option("--db", serve.db, "The database");
  serve_cmd->add_option("--pg", serve.pg, "Instead of --db: a PostgreSQL database")
      ->excludes("--db");
  serve_cmd->add_option("--host", serve.host, "Address to listen on (default 127.0.0.1)");
  serve_cmd->add_option("--port", serve.port, "Port (default 8080; 0: any free one)")
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--token-file", serve.token_file,
                        "A file whose first line is the bearer token the POST requests need "
                        "(without it they are off)");
  serve_cmd
      ->add_option("--max-body-bytes", serve.max_body_bytes,
                   "Largest request body taken (default 8388608)")
      ->check(CLI::PositiveNumber);
  serve_cmd->add_flag("-q,--quiet", serve.quiet, "No line per request on stderr");
  serve_cmd->add_option("--web-dir", serve.web_dir,
                        "The web page's folder (default: the installed or built one)");

  std::string help_topic;
  CLI::App* help_cmd = app.add_subcommand("help", "Print the help of palmyra or of a command.");
  help_cmd->add_option("command", help_topic, "The command");
  std::string shell;
  CLI::App* completion_cmd =
      app.add_subcommand("completion",
                         "Print a shell completion script: palmyra completion bash > "
                         "/etc/bash_completion.d/palmyra (or source it from ~/.bashrc).");
  completion_cmd->add_option("shell", shell, "The shell (bash)")
      ->required()
      ->check(CLI::IsMember({"bash"}));

  // Examples at the end of each command's help.
  code_cmd->footer(
      "Examples:\n"
      "  palmyra code news.jsonl > events.jsonl\n"
      "  palmyra code --db events.db --threads 2 articles/ crawl.warc.gz\n"
      "  palmyra code --format text --date 2024-05-01 report.txt\n"
      "  curl -s https://example.org/feed.rss | palmyra code -");
  analyze_cmd->footer(
      "Example:\n  palmyra analyze --text \"Russian jets bombed Idlib on Monday.\"");
  check_cmd->footer("Example:\n  palmyra dict check my.actors.txt my.verbs.txt");
  validate_cmd->footer("Example:\n  palmyra validate --quiet PETR.UnitTest.records.xml");
  export_cmd->footer(
      "Examples:\n"
      "  palmyra export --db events.db --format csv -o events.csv\n"
      "  palmyra export --db events.db --format gdelt --from 2024-01-01 --place-country SYR\n"
      "  palmyra export --db events.db --format acled --source RUS --target UKR -o acled.csv\n"
      "  palmyra code news.jsonl | palmyra export --events - --format gdelt > events.tsv");
  show_cmd->footer("Example:\n  palmyra show --db events.db | less");
  serve_cmd->footer(
      "Examples:\n"
      "  palmyra serve --db events.db\n"
      "  curl -s 'http://127.0.0.1:8080/api/events?type=ASSAULT&country=SYR&limit=10'\n"
      "  palmyra serve --db events.db --port 9000 --token-file token.txt");
  stats_cmd->footer(
      "Examples:\n"
      "  palmyra stats --db events.db --top 10\n"
      "  palmyra stats --db events.db --by week --type ASSAULT --format csv");

  // A misspelt command gets a suggestion rather than CLI11's generic error.
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
      names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      const std::string near = palmyra::NearestWord(argv[1], names);
      std::fprintf(stderr, "palmyra: unknown command '%s'%s; 'palmyra help' lists the commands\n",
                   argv[1], near.empty() ? "" : (" (did you mean '" + near + "'?)").c_str());
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and version exit 0; every usage error exits 2.
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (completion_cmd->parsed()) {
    std::printf("%s", palmyra::BashCompletion(app).c_str());
    return std::fflush(stdout) == 0 && !std::ferror(stdout) ? 0 : 1;
  }
  if (help_cmd->parsed()) {
    if (help_topic.empty()) {
      // App::help() would describe the selected subcommand, "help" itself.
      std::printf(
          "%s",
          app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal).c_str());
      return 0;
    }
    for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->get_name() == help_topic) {
        std::printf("%s", sub->get_formatter()
                              ->make_help(sub, "palmyra " + help_topic, CLI::AppFormatMode::Normal)
                              .c_str());
        return 0;
      }
    }
    std::fprintf(stderr, "palmyra help: no command '%s'\n", help_topic.c_str());
    return 2;
  }
  if (serve_cmd->parsed()) {
    if (serve.db.empty() == serve.pg.empty()) {
      std::fprintf(stderr, "palmyra: which database? --db FILE or --pg CONNINFO\n");
      return 2;
    }
    return palmyra::RunServer(serve);
  }
  if (enqueue_cmd->parsed()) return palmyra::RunEnqueueCommand(enqueue);
  if (worker_cmd->parsed()) return palmyra::RunWorkerCommand(worker);
  if (watch_cmd->parsed()) return palmyra::RunWatchCommand(watch);
  if (export_cmd->parsed()) return palmyra::RunExportCommand(exporting);
  if (stats_cmd->parsed()) return palmyra::RunStatsCommand(stats);
  if (show_cmd->parsed()) return palmyra::RunShowCommand(show);
  if (check_cmd->parsed()) return palmyra::RunDictCheckCommand(dict);
  if (validate_cmd->parsed()) return palmyra::RunValidateCommand(validate);
  if (code_cmd->parsed()) return palmyra::RunCodeCommand(code);
  if (analyze_cmd->parsed()) {
    if (analyze.text.empty() && analyze.input.empty()) {
      std::fprintf(stderr, "palmyra analyze: give --text or a file\n");
      return 2;
    }
    return palmyra::RunAnalyzeCommand(analyze);
  }
  return 2;
}

}  // namespace

// What no command caught (memory exhausted outside an article, a file
// system error) ends the run with a message and exit status 2, not an abort.
int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "palmyra: out of memory\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "palmyra: %s\n", palmyra::Printable(e.what()).c_str());
  }
  return 2;
}
