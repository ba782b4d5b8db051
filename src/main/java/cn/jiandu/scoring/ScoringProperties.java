package cn.jiandu.scoring;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import cn.jiandu.level.Level;
import cn.jiandu.problem.Accountability;

/**
 * jiandu.scoring.*: points deducted from the unit and from the responsible officer for
 * every level a problem reaches (执法质量积分), and the score every unit and officer starts
 * each month with. Closing on time restores none. {@code accountabilityPoints}: what a talk's
 * or an interview's outcome (处理意见, e.g. 通报批评, 追责问责) deducts from the responsible
 * officer, once per record; outcomes not listed deduct nothing.
 */
@ConfigurationProperties("jiandu.scoring")
record ScoringProperties(Map<Level, Integer> unitPoints, Map<Level, Integer> officerPoints,
        @DefaultValue("100") int monthlyBase,
        Map<Accountability, Integer> accountabilityPoints) {

    int unit(Level level) {
        return unitPoints == null ? 0 : unitPoints.getOrDefault(level, 0);
    }

    int accountability(Accountability outcome) {
        return accountabilityPoints == null ? 0 : accountabilityPoints.getOrDefault(outcome, 0);
    }

    int officer(Level level) {
        return officerPoints == null ? 0 : officerPoints.getOrDefault(level, 0);
    }
}
