package cn.jiandu.detection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jiandu.report.UnitRates;
import cn.jiandu.report.UnitRatesProvider;

/** The detection statistics as the reports' ranking by rates (执法检测指标排名) reads them. */
@Component
class DetectionUnitRates implements UnitRatesProvider {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("diversionRate", "分流率");
        LABELS.put("adminAcceptanceRate", "行政受案率");
        LABELS.put("criminalFilingRate", "刑事立案率");
        LABELS.put("receiptRate", "回执开具率");
        LABELS.put("filingNoticeRate", "立案告知书开具率");
    }

    private final UnitStats stats;

    DetectionUnitRates(UnitStats stats) {
        this.stats = stats;
    }

    @Override
    public List<UnitRates> unitRates(LocalDate from, LocalDate to) {
        List<UnitRates> result = new ArrayList<>();
        for (UnitRanking.UnitRate unit : stats.units(from, to).units()) {
            if (unit.averageRate() == null) {
                // no incident or case of the unit in the ledgers for the period (the bureau
                // itself, the legal brigade, a unit whose ledgers are not imported): nothing to rank
                continue;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("diversionRate", unit.diversionRate());
            values.put("adminAcceptanceRate", unit.adminAcceptanceRate());
            values.put("criminalFilingRate", unit.criminalFilingRate());
            values.put("receiptRate", unit.receiptRate());
            values.put("filingNoticeRate", unit.filingNoticeRate());
            List<UnitRates.Rate> rates = new ArrayList<>();
            LABELS.forEach((key, label) -> {
                Double value = values.get(key);
                Object colour = unit.colours() == null ? null : unit.colours().get(key);
                rates.add(new UnitRates.Rate(key, label, value == null ? null
                        : BigDecimal.valueOf(value * 100).setScale(1, RoundingMode.HALF_UP),
                        colour == null ? null : colour.toString()));
            });
            result.add(new UnitRates(unit.code(), unit.name(), unit.rank(), rates));
        }
        return result;
    }
}
