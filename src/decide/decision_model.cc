#include "decide/decision_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {
namespace {

bool ParseNumber(std::string_view text, double* out) {
  const std::string s(Trim(text));
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(*out);
}

std::string Number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", x);
  return buffer;
}

}  // namespace

DecisionModel::DecisionModel(std::map<std::string, double> weights, double scale, double offset,
                             double threshold)
    : weights_(weights.begin(), weights.end()),
      scale_(scale),
      offset_(offset),
      threshold_(threshold) {}

Result<DecisionModel> DecisionModel::Load(const std::string& path) {
  DecisionModel model;
  bool has_threshold = false;
  RETURN_IF_ERROR(ForEachDataLine(path, [&](std::string_view line, int) -> Status {
    const size_t tab = line.find('\t');
    if (tab != std::string_view::npos) {
      double weight;
      if (!ParseNumber(line.substr(tab + 1), &weight))
        return DataError("expected a feature, a tab and its weight");
      model.weights_[std::string(line.substr(0, tab))] = weight;
      return Status::Ok();
    }
    const std::vector<std::string_view> f = SplitWhitespace(line);
    if (f.size() == 2 && f[0] == "threshold" && ParseNumber(f[1], &model.threshold_) &&
        model.threshold_ >= 0 && model.threshold_ <= 1) {
      has_threshold = true;
      return Status::Ok();
    }
    if (f.size() == 3 && f[0] == "calibration" && ParseNumber(f[1], &model.scale_) &&
        ParseNumber(f[2], &model.offset_)) {
      return Status::Ok();
    }
    return DataError("expected \"threshold P\", \"calibration SCALE OFFSET\" or a feature weight");
  }));
  if (!has_threshold) return DataError(path + ": no threshold");
  return model;
}

std::string DecisionModel::ToText(const std::vector<std::string>& header) const {
  std::string out;
  for (const std::string& line : header) out += line.empty() ? "#\n" : "# " + line + "\n";
  out += "\nthreshold " + Number(threshold_) + "\n";
  out += "calibration " + Number(scale_) + " " + Number(offset_) + "\n\n";
  const std::map<std::string, double> sorted(weights_.begin(), weights_.end());
  for (const auto& [name, weight] : sorted) out += name + "\t" + Number(weight) + "\n";
  return out;
}

double DecisionModel::Margin(const std::vector<std::string>& features) const {
  double sum = 0.0;
  for (const std::string& f : features) {
    if (auto it = weights_.find(f); it != weights_.end()) sum += it->second;
  }
  return sum;
}

std::vector<std::pair<std::string, double>> DecisionModel::Contributions(
    const std::vector<std::string>& features) const {
  std::vector<std::pair<std::string, double>> out;
  for (const std::string& f : features) {
    if (auto it = weights_.find(f); it != weights_.end()) out.emplace_back(f, it->second);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return std::abs(x.second) > std::abs(y.second);
  });
  return out;
}

double DecisionModel::Probability(const std::vector<std::string>& features) const {
  return 1.0 / (1.0 + std::exp(-(scale_ * Margin(features) + offset_)));
}

}  // namespace palmyra
