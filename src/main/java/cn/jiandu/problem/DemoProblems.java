package cn.jiandu.problem;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few problems of the demo bureau, as its legal office would register them in a week, so
 * that a newcomer sees tasks, documents and levels at once. Only on an empty problem table
 * and only with jiandu.demo.seed=true.
 */
@Component
@ConditionalOnProperty(name = "jiandu.demo.seed", havingValue = "true")
class DemoProblems {

    private static final Logger log = LoggerFactory.getLogger(DemoProblems.class);
    private static final String LEGAL_OFFICER = "200002";

    private final ProblemService problems;
    private final ProblemMapper mapper;
    private final Clock clock;

    DemoProblems(ProblemService problems, ProblemMapper mapper, Clock clock) {
        this.problems = problems;
        this.mapper = mapper;
        this.clock = clock;
    }

    private record Seed(String source, String category, String unit, String officer, String title, String text,
            boolean sensitive, int daysAgo) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("HOTLINE_12345", "CASE_FILING", "CGPCS", "500002", "报警人反映被盗电动车案件未出具受案回执",
                    "报警人张某反映，3月2日报警称电动车被盗，派出所已受案但未向其出具受案回执。", false, 1),
            new Seed("ONLINE_ENFORCEMENT_PATROL", "LEGAL_DOCUMENT", "XHPCS", "510002", "行政处罚决定书未写明救济途径",
                    "网上执法巡查发现，一起殴打他人案行政处罚决定书未告知申请复议和提起诉讼的途径与期限。", false, 2),
            new Seed("ONLINE_VIDEO_PATROL", "CASE_HANDLING_AREA", "DGPCS", "520002", "办案区讯问未全程同步录音录像",
                    "网上视频巡查发现，一名违法嫌疑人在办案区讯问室接受询问时，录音录像中断约十分钟。", false, 0),
            new Seed("POLICE_REVISIT", "ALARM_HANDLING", "KFQPCS", "530002", "警务回访群众对出警时效不满意",
                    "警务回访中报警人反映，噪音扰民警情出警时间超过四十分钟，未向报警人说明原因。", false, 3),
            new Seed("PROCURATORIAL_SUPERVISION", "COERCIVE_MEASURE", "XJDD", "400002", "取保候审期限届满未及时解除",
                    "检察机关监督发现，一名犯罪嫌疑人取保候审期限届满后未及时办理解除手续。", false, 1),
            new Seed("PETITION", "CONDUCT", "CGPCS", "500003", "涉警信访：当事人反映民警处警态度粗暴",
                    "信访人反映，民警在处理邻里纠纷时言语粗暴，相关视频已在本地微信群传播。", true, 0));

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    public void seed() {
        if (mapper.count(null, null, null, null) > 0) {
            return;
        }
        for (Seed s : SEEDS) {
            problems.register(new Registration(s.source(), s.category(), s.unit(), s.officer(), s.title(), s.text(),
                    clock.instant().minus(Duration.ofDays(s.daysAgo() + 1L)), s.sensitive(), null, null,
                    LEGAL_OFFICER));
        }
        log.info("Demo problems registered: {}", SEEDS.size());
    }
}
