package cn.jiandu.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.jiandu.security.CurrentUser;
import cn.jiandu.security.Role;
import cn.jiandu.time.Times;

/**
 * A handful of the public's tickets for the demo bureau, from several channels, as its legal
 * office receives them in a morning: three handed in one by one (as the intake API takes
 * them), two more as a channel's daily CSV export through the import. Each waits in the legal
 * officer's Tasklist for triage (分派), so the run command shows the whole path: triage, the
 * problem, its rectification, the call back. Only on an empty intake table and only with
 * jiandu.demo.seed=true. The complainants and their phone numbers are made up.
 */
@Component
@ConditionalOnProperty(name = "jiandu.demo.seed", havingValue = "true")
class DemoIntakes {

    private static final Logger log = LoggerFactory.getLogger(DemoIntakes.class);
    /** 赵静, the demo bureau's legal officer (法制员), receives them. */
    private static final CurrentUser LEGAL_OFFICER = new CurrentUser("200002", Set.of(Role.LEGAL_OFFICER), "FZDD",
            List.of(Role.LEGAL_OFFICER.groupId()));

    private final IntakeService intakes;
    private final IntakeImporter importer;
    private final IntakeMapper mapper;
    private final Clock clock;

    DemoIntakes(IntakeService intakes, IntakeImporter importer, IntakeMapper mapper, Clock clock) {
        this.intakes = intakes;
        this.importer = importer;
        this.mapper = mapper;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(4)
    public void seed() {
        if (mapper.count(null, null) > 0) {
            return;
        }
        Instant now = clock.instant();
        intakes.receive(new IntakeRequest("HOTLINE_12345", "12345-" + day(now) + "-0087", at(now, 3),
                "市民来电反映：其电动车被盗后到城关派出所报警，派出所受案后至今未出具受案回执，也无人告知案件办理进展，要求尽快答复。",
                new IntakeRequest.Complainant("王建军", "13912340087", "110105198205120014"), "城关派出所", null, null),
                LEGAL_OFFICER);
        intakes.receive(new IntakeRequest("CHIEF_MAILBOX", "JZXX-" + day(now) + "-012", at(now, 5),
                "局长信箱来信：反映新华派出所民警在调解其与邻居的纠纷时态度生硬，未听取其陈述即要求签字，希望局里核查。",
                new IntakeRequest.Complainant("陈秀兰", "13712340012", null), "新华派出所", null, null), LEGAL_OFFICER);
        intakes.receive(new IntakeRequest("PUBLIC_VISIT", "LF-" + day(now) + "-003", at(now, 2),
                "来访人称：其子被行政拘留，家属至今未收到拘留通知书，要求说明情况。",
                new IntakeRequest.Complainant("刘桂芳", "13612340003", null), "东关派出所", null, null),
                LEGAL_OFFICER);
        // the 12389 platform's and the online petition system's export of the morning, as a CSV file
        String csv = "\uFEFFsource,ticketNo,receivedAt,content,complainantName,complainantPhone,complainantIdNumber,"
                + "unitHint,incidentNo,caseNo\n"
                + "HOTLINE_12389,12389-" + day(now) + "-0031," + at(now, 6)
                + ",\"举报开发区派出所办理一起盗窃案时，扣押的手机至今未退还，也未出具扣押清单。\",孙立新,13512340031,,开发区派出所,,\n"
                + "ONLINE_PETITION,WSXF-" + day(now) + "-0105," + at(now, 4)
                + ",\"网上信访：反映交通事故报警后民警出警迟缓，现场处置不规范。\",周海燕,13412340105,,城关派出所,,\n";
        IntakeImporter.Imported imported = importer.importCsv(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "text/csv", LEGAL_OFFICER);
        log.info("Demo intakes received: 3 one by one, {} through the CSV import", imported.created());
    }

    private static String day(Instant now) {
        return Times.china(now).toLocalDate().toString().replace("-", "");
    }

    /** {@code hours} before now, as the intake API takes a time (2026-12-04T08:30+08:00). */
    private static String at(Instant now, int hours) {
        return Times.china(now.minus(Duration.ofHours(hours))).withNano(0).toString();
    }
}
