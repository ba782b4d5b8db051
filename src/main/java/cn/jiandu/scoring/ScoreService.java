package cn.jiandu.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deducts enforcement quality points (执法质量积分) as problems reach their levels. */
@Service
public class ScoreService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ScoreMapper mapper;
    private final ScoringProperties properties;
    private final Clock clock;

    ScoreService(ScoreMapper mapper, ScoringProperties properties, Clock clock) {
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
    }

    /** What was deducted, or null when this problem had already been charged for the level. */
    public record Deduction(int unitPoints, int officerPoints) {
    }

    /** Charges a level once per problem: running the step again deducts nothing more. */
    @Transactional
    public Deduction deduct(long problemId, String level, String unitCode, String officerNo) {
        if (mapper.exists(problemId, level) > 0) {
            return null;
        }
        Instant now = clock.instant();
        int unitPoints = properties.unit(level);
        int officerPoints = officerNo == null ? 0 : properties.officer(level);
        mapper.insert(problemId, level, unitCode, officerNo, unitPoints, officerPoints,
                YearMonth.from(now.atZone(CHINA)).toString(), now);
        return new Deduction(unitPoints, officerPoints);
    }
}
