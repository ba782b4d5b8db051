package cn.jiandu.scoring;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import cn.jiandu.level.Level;

/**
 * jiandu.scoring.*: points deducted from the unit and from the responsible officer for
 * every level a problem reaches (执法质量积分), and the score every unit and officer starts
 * each month with. Closing on time restores none.
 */
@ConfigurationProperties("jiandu.scoring")
record ScoringProperties(Map<Level, Integer> unitPoints, Map<Level, Integer> officerPoints,
        @DefaultValue("100") int monthlyBase) {

    int unit(Level level) {
        return unitPoints == null ? 0 : unitPoints.getOrDefault(level, 0);
    }

    int officer(Level level) {
        return officerPoints == null ? 0 : officerPoints.getOrDefault(level, 0);
    }
}
