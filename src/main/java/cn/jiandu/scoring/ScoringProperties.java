package cn.jiandu.scoring;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * jiandu.scoring.*: points deducted from the unit and from the responsible officer for
 * every level a problem reaches (执法质量积分). Closing on time restores none.
 */
@ConfigurationProperties("jiandu.scoring")
record ScoringProperties(Map<String, Integer> unitPoints, Map<String, Integer> officerPoints) {

    int unit(String level) {
        return unitPoints == null ? 0 : unitPoints.getOrDefault(level, 0);
    }

    int officer(String level) {
        return officerPoints == null ? 0 : officerPoints.getOrDefault(level, 0);
    }
}
