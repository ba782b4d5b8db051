package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who may do what: every role against every /api endpoint, the engine REST API's task
 * actions and the webapps (Tasklist, Cockpit, Admin), as the table {@link #MATRIX} says.
 * OFFICER and UNIT_HEAD belong to station A; "other" is station B. Y: allowed (2xx; for a
 * listing: the item is in it). -: refused (401, 403, 404; for a listing: not in it) and
 * nothing changed; an anonymous caller is always answered 401 (the webapps: 401 or 403).
 * Every row of the table is checked for every column, and every check has its row.
 */
class AuthorizationMatrixIT extends ItSupport {

    private static final String PASSWORD = "matrix-pass-1";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * OFF 办案民警, HEAD 单位负责人 (both of station A), LO 法制员, LC 法制大队长, DI 纪委督察,
     * DL 分管局领导, CH 局主要领导, CM 执法监督委员会, PO 流程管理员 (deploys models, reads the
     * Cockpit, moves running problems to a new version; reads what every login reads and the
     * engine's instances and tasks, acts on none), INT 接口账号 (a channel platform's machine
     * account: intake and nothing else, not even a webapp), ADM 系统管理员, ANON no login.
     * The legal officer's engine permissions (any task, any instance) are the operator's of the
     * process: he signs, hands over, completes and corrects on the bureau's behalf. The reports,
     * the dashboard, the scores and the units' rates are the bureau's bulletins (通报, 发至各所队):
     * every login reads them, whichever unit it belongs to. Ledgers and rule runs are the
     * bureau-wide roles' (the roles that register problems); a finding, like a problem, is
     * its own unit's and the bureau's.
     */
    static final String MATRIX = """
            action                                                 | OFF | HEAD | LO | LC | DI | DL | CH | CM | PO  | INT | ADM | ANON
            GET  /api/reference/sources                            |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            GET  /api/reference/categories                         |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            GET  /api/org/units                                    |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            GET  /api/org/units/{code}                             |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            POST /api/org/units                                    |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            PUT  /api/org/units/{code}                             |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            POST /api/org/units/import                             |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            GET  /api/org/officers (own unit)                      |  -  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/org/officers?unitCode={other}                |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/org/officers/{own unit's officer}            |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/org/officers/{other unit's officer}          |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            POST /api/org/officers                                 |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            PUT  /api/org/officers/{officerNo}                     |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            POST /api/org/officers/import                          |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            POST /api/problems                                     |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/problems/{own unit}                          |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/problems/{other unit}                        |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/problems/{own unit}/talks                    |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/problems/{other unit}/talks                  |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/problems/{other unit}/evidence               |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/problems lists the other unit's              |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/problems?unitCode={other}                    |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            POST /api/problems/{id}/urge                           |  -  |  -   | Y  | Y  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            POST /api/problems/{id}/raise                          |  -  |  -   | -  | Y  | -  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            POST /api/problems/{id}/void                           |  -  |  -   | -  | Y  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            POST /api/intake                                       |  -  |  -   | Y  | Y  | -  | -  | -  | -  |  -  |  Y  |  Y  |  -
            POST /api/intake/import                                |  -  |  -   | Y  | Y  | -  | -  | -  | -  |  -  |  Y  |  Y  |  -
            GET  /api/intake lists the intake                      |  -  |  -   | Y  | Y  | -  | -  | -  | -  |  -  |  Y  |  Y  |  -
            GET  /api/intake/{id}                                  |  -  |  -   | Y  | Y  | -  | -  | -  | -  |  -  |  Y  |  Y  |  -
            GET  /intakes/{id} (the page)                          |  -  |  -   | Y  | Y  | -  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /intakes/{id}/contact (the phone, to the call back) |  -  |  -   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  -  |  -
            GET  /api/documents?problemId={other unit's}           |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/documents/{own unit}                         |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/documents/{other unit}                       |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/notifications                                |  -  |  -   | Y  | Y  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            POST /api/notifications/{id}/retry                     |  -  |  -   | Y  | Y  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            GET  /api/admin/calendar                               |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            PUT  /api/admin/calendar/{day}                         |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            DELETE /api/admin/calendar/{day}                       |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            PUT  /api/admin/sources/{code}                         |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            POST /api/admin/calendar/import                        |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            GET  /api/admin/clock                                  |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            POST /api/admin/clock                                  |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            GET  /api/admin/forecast                               |  -  |  -   | -  | Y  | -  | -  | -  | -  |  Y  |  -  |  Y  |  -
            POST /api/admin/forecast/deadlines                     |  -  |  -   | -  | -  | -  | -  | -  | -  |  Y  |  -  |  Y  |  -
            GET  /api/admin/processes/{key}/versions               |  -  |  -   | -  | -  | -  | -  | -  | -  |  Y  |  -  |  Y  |  -
            POST /api/admin/processes/migrations (dry run)         |  -  |  -   | -  | -  | -  | -  | -  | -  |  Y  |  -  |  Y  |  -
            POST /api/reports                                      |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            GET  /api/reports                                      |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            GET  /api/reports/{id} (the bureau's bulletin)         |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            GET  /api/dashboard                                    |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            GET  /dashboard/ (the page)                            |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            GET  /api/scores                                       |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            GET  /api/scores?by=officer                            |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            GET  /api/stats/units                                  |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            GET  /api/stats/intake                                 |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            POST /api/detection/runs                               |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/detection/runs                               |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/detection/runs/{id}                          |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/detection/findings?unitCode={own}            |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/detection/findings lists the other unit's    |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/detection/findings?unitCode={other}          |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            POST /api/ledgers/{kind}                               |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/ledgers/imports                              |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/ledgers/imports/{id}                         |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  -  |  -  |  Y  |  -
            GET  /api/demo/dingtalk/inbox (demo and tests only)    |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            POST /api/demo/dingtalk/open (demo and tests only)     |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            POST /api/dingtalk/callback not signed by DingTalk     |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  -  |  -
            GET  /actuator/health                                  |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  Y  |  Y  |  Y
            GET  /actuator/prometheus                              |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            GET  /v3/api-docs                                      |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            engine-rest: task list shows the own unit's task       |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            engine-rest: task list shows the other unit's task     |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            engine-rest: read the other unit's task variables      |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            engine-rest: claim the own unit's task                 |  Y  |  Y   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: claim the other unit's task               |  -  |  -   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: complete the own unit's task              |  Y  |  Y   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: complete the other unit's task            |  -  |  -   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: decide a pause (法制大队长审批暂停)            |  -  |  -   | -  | Y  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: sign for the own unit                     |  -  |  Y   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: hand the own unit's task to someone else  |  -  |  -   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: decide a transfer request (改派)           |  -  |  -   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: task list shows an intake's task          |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            engine-rest: read an intake's variables                |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            engine-rest: read an intake's history variables        |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            engine-rest: triage an intake (分派)                    |  -  |  -   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: call back an intake (回访)                 |  -  |  -   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: review a dissatisfied call (回访复核)        |  -  |  -   | -  | Y  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: read the other unit's process instance    |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            engine-rest: read the other unit's history             |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            engine-rest: register through the start form           |  -  |  -   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: raise a level by message                  |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: change a process variable                 |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: complete the own unit's task with a level |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  -  |  -
            engine-rest: throw a BPMN error from a sign task       |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  -  |  -
            engine-rest: send a signal                             |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: rename oneself (user profile)             |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: delete a process instance                 |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            engine-rest: task query with an expression (advisory)  |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  -  |  -
            engine-rest: deploy a model (Modeler's deploy button)  |  -  |  -   | -  | -  | -  | -  | -  | -  |  Y  |  -  |  Y  |  -
            Tasklist: log in                                       |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            Tasklist: list shows the own unit's task               |  Y  |  Y   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            Tasklist: list shows the other unit's task             |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            Tasklist: claim the other unit's task                  |  -  |  -   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            Tasklist: submit the own unit's task form              |  Y  |  Y   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            Tasklist: submit the other unit's task form            |  -  |  -   | Y  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            Tasklist: submit the own unit's form with its deadline |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  -  |  -
            Cockpit: log in                                        |  -  |  -   | Y  | Y  | Y  | Y  | Y  | Y  |  Y  |  -  |  Y  |  -
            Admin webapp: log in                                   |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  Y  |  -
            Admin webapp: first-admin setup (advisory)             |  -  |  -   | -  | -  | -  | -  | -  | -  |  -  |  -  |  -  |  -
            """;

    private static final List<String> COLUMNS = List.of("OFF", "HEAD", "LO", "LC", "DI", "DL", "CH", "CM", "PO", "INT",
            "ADM", "ANON");
    private static final Map<String, String> ROLES = Map.of("OFF", "OFFICER", "HEAD", "UNIT_HEAD", "LO", "LEGAL_OFFICER",
            "LC", "LEGAL_CAPTAIN", "DI", "DISCIPLINE_INSPECTOR", "DL", "DEPUTY_LEADER", "CH", "CHIEF", "CM", "COMMITTEE",
            "PO", "PROCESS_OWNER", "INT", "INTAKE");

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    private String u;
    private String unitA;
    private String unitB;
    private final Map<String, String> users = new HashMap<>();
    private String officerB;
    private long ownProblem;
    private long otherProblem;
    private String ownTask;
    private String otherTask;
    private long ownDocument;
    private long otherDocument;
    private long pendingMessage;
    private final Map<String, Http> sessions = new HashMap<>();

    @BeforeEach
    void twoStationsEveryRoleAndAProblemInEach() {
        clock.reset();
        u = unique();
        unitA = "MA" + u;
        unitB = "MB" + u;
        fx.unit(unitA, "甲派出所" + u, "STATION");
        fx.unit(unitB, "乙派出所" + u, "STATION");
        fx.unit("ML" + u, "法制大队" + u, "LEGAL");
        fx.unit("MD" + u, "纪委督察室" + u, "DISCIPLINE");
        fx.unit("MG" + u, "分局领导" + u, "BUREAU");
        Map<String, String> unitOf = Map.of("OFF", unitA, "HEAD", unitA, "LO", "ML" + u, "LC", "ML" + u,
                "DI", "MD" + u, "DL", "MG" + u, "CH", "MG" + u, "CM", "MG" + u, "PO", "ML" + u, "INT", "ML" + u);
        // station people with DingTalk ids (the outbox gets rows); bureau-wide roles none, not to reach other tests
        ROLES.forEach((column, role) -> users.put(column, unitA.equals(unitOf.get(column))
                ? fx.officerOnDingTalk(column + u, unitA, role) : fx.officer(column + u, unitOf.get(column), role)));
        users.put("ADM", ADMIN);
        officerB = fx.officerOnDingTalk("OB" + u, unitB, "OFFICER");
        fx.officerOnDingTalk("HB" + u, unitB, "UNIT_HEAD");

        ownProblem = signedProblem(unitA);
        otherProblem = signedProblem(unitB);
        ownTask = rectifyTask(ownProblem);
        otherTask = rectifyTask(otherProblem);
        ownDocument = document(ownProblem);
        otherDocument = document(otherProblem);
        pendingMessage = jdbc.queryForObject("SELECT MIN(id) FROM notification_outbox WHERE problem_id = ?", Long.class,
                ownProblem);
    }

    private long problem(String unit) {
        return Fixtures.register(admin(), Fixtures.problem("HOTLINE_12345", unit, null, "权限矩阵测试问题" + unique(),
                "测试")).path("id").asLong();
    }

    /** A problem whose unit head has signed: its rectification task waits in the unit's group. */
    private long signedProblem(String unit) {
        long id = problem(unit);
        tasks.complete(task(id, "Task_Sign").getId());
        // its evidence (整改佐证材料) is in: reporting 整改 done is the roles' question here
        fx.uploadEvidence(id);
        return id;
    }

    private Task task(long problemId, String key) {
        return Fixtures.task(tasks, problemId, key);
    }

    private String rectifyTask(long problemId) {
        return task(problemId, "Task_Rectify").getId();
    }

    private long document(long problemId) {
        return jdbc.queryForObject("SELECT MIN(id) FROM doc_document WHERE problem_id = ?", Long.class, problemId);
    }

    // ---- reports, ledgers and rule runs --------------------------------------------------

    private static final String INCIDENTS = "incident_no,unit_code,category,received_at,diverted_at\n";
    private static final DateTimeFormatter LEDGER_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** An incident received {@code daysAgo} and diverted ten minutes later. */
    private static String incident(String no, String unit, String category, int daysAgo) {
        LocalDateTime received = LocalDateTime.now(CHINA).minusDays(daysAgo).withNano(0);
        return no + "," + unit + "," + category + "," + LEDGER_TIME.format(received) + ","
                + LEDGER_TIME.format(received.plusMinutes(10)) + "\n";
    }

    /** A day of long ago that has no daily report yet: a report of it holds nothing of other tests'. */
    private LocalDate unusedDay() {
        while (true) {
            LocalDate day = LocalDate.of(1901, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 68));
            if (jdbc.queryForObject("SELECT COUNT(*) FROM report WHERE type = 'DAILY' AND period_start = ?",
                    Long.class, java.sql.Date.valueOf(day)) == 0) {
                return day;
            }
        }
    }

    private Long report;

    /** A daily report, made by the administrator once. */
    private long report() {
        if (report == null) {
            Http.Response made = admin().postJson("/api/reports", Map.of("type", "DAILY", "date", unusedDay().toString()));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            report = made.json().path("id").asLong();
        }
        return report;
    }

    /** An import of both stations' incidents, and the rule run that found them not accepted. */
    record Detection(long ledgerImport, long run, String incidentA, String incidentB) {
    }

    private Detection detection;

    /**
     * Made once: an administrative incident of each station received ten days ago, never
     * accepted (ADMIN_INCIDENT_NOT_ACCEPTED, 3 days), and a rule run by the administrator
     * that finds both.
     */
    private Detection detection() {
        if (detection == null) {
            String a = "MFA" + u;
            String b = "MFB" + u;
            Http.Response imported = admin().postCsv("/api/ledgers/incidents",
                    INCIDENTS + incident(a, unitA, "ADMINISTRATIVE", 10) + incident(b, unitB, "ADMINISTRATIVE", 10));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            Http.Response run = admin().exchange("POST", "/api/detection/runs", null, null);
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            detection = new Detection(imported.json().path("importId").asLong(), run.json().path("runId").asLong(), a, b);
            for (String incident : List.of(a, b)) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM detection_finding WHERE record_key = ?"
                        + " AND rule = 'ADMIN_INCIDENT_NOT_ACCEPTED'", Long.class, incident)).as(incident).isEqualTo(1);
            }
        }
        return detection;
    }

    // ---- intake ------------------------------------------------------------------------

    private static Map<String, Object> intakeTicket(String ticketNo) {
        return Map.of("source", "HOTLINE_12345", "ticketNo", ticketNo, "receivedAt", "2026-03-01T09:30:00+08:00",
                "content", "权限矩阵测试诉求", "complainant", Map.of("name", "李四", "phone", "13912345678"));
    }

    private Long intake;

    /** An intake, handed in by the administrator once. */
    private long intake() {
        if (intake == null) {
            Http.Response made = admin().postJson("/api/intake", intakeTicket("MI" + u));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            intake = made.json().path("id").asLong();
        }
        return intake;
    }

    /** A new intake of its own, in 分派. */
    private long newIntake() {
        Http.Response made = admin().postJson("/api/intake", intakeTicket("MI" + unique()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("id").asLong();
    }

    /** The intake's open task {@code key} (not null). */
    private String intakeTask(long intakeId, String key) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey("intake-" + intakeId).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("%s of intake %s", key, intakeId).isNotNull();
        return task.getId();
    }

    /** A new intake rejected in triage: its call back (回访) open. */
    private long intakeAtCallback() {
        long id = newIntake();
        tasks.complete(intakeTask(id, "Task_Triage"), Map.of("triageDecision", "REJECT", "triageReason", "不属执法问题"));
        return id;
    }

    private Long calling;

    /** One intake whose call back is open and unclaimed, for the reading rows. */
    private long calling() {
        if (calling == null) {
            calling = intakeAtCallback();
        }
        return calling;
    }

    private String intakeInstance(long intakeId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("intake-" + intakeId).singleResult()
                .getId();
    }

    /** The intake's task completed with the form's fields as the column's caller; the task gone exactly when allowed. */
    private Outcome completeIntakeTask(String column, String task, Object... nameValue) {
        Outcome o = judge(api(column).postJson("/engine-rest/task/" + task + "/complete", Fixtures.variables(nameValue)));
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(o.allowed() ? 0 : 1);
        return o;
    }

    // ---- process versions ---------------------------------------------------------------

    @Autowired
    RepositoryService repository;

    /** A model of one step, its process id {@code key}: deployed by the probes, run by nobody. */
    private static String tinyModel(String key) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Defs_" + key + "\""
                + " targetNamespace=\"http://jiandu.cn/matrix\">"
                + "<bpmn:process id=\"" + key + "\" name=\"权限矩阵测试流程\" isExecutable=\"true\""
                + " camunda:historyTimeToLive=\"1\">"
                + "<bpmn:startEvent id=\"Start\"/><bpmn:sequenceFlow id=\"Flow\" sourceRef=\"Start\" targetRef=\"End\"/>"
                + "<bpmn:endEvent id=\"End\"/></bpmn:process></bpmn:definitions>";
    }

    private String twoVersions;

    /** A process of the test's own in two versions (deployed once, by the engine's API); its key. */
    private String twoVersions() {
        if (twoVersions == null) {
            String key = "matrix_" + unique();
            for (int version = 1; version <= 2; version++) {
                repository.createDeployment().name(key + " v" + version)
                        .addString(key + ".bpmn", tinyModel(key).replace("权限矩阵测试流程", "权限矩阵测试流程 v" + version))
                        .deploy();
            }
            twoVersions = key;
        }
        return twoVersions;
    }

    // ---- callers ----------------------------------------------------------------------

    private Http api(String column) {
        return "ANON".equals(column) ? anonymous() : "ADM".equals(column) ? admin() : fx.as(users.get(column));
    }

    private String password(String column) {
        return "ADM".equals(column) ? ADMIN_PASSWORD : PASSWORD;
    }

    /** A Tasklist session, logged in once per column (anonymous: a session that never logged in). */
    private Http tasklist(String column) {
        return sessions.computeIfAbsent(column, c -> {
            if ("INT".equals(c)) {
                // the machine account has no Tasklist: its login is refused, the session stays anonymous
                Http session = anonymous();
                assertThat(session.loginToWebapp("tasklist", users.get(c), PASSWORD).status()).isIn(401, 403);
                return session;
            }
            if (!"ANON".equals(c)) {
                return fx.tasklist(users.get(c), password(c));
            }
            Http session = anonymous();
            session.get("/camunda/app/tasklist/");
            return session;
        });
    }

    // ---- judging ----------------------------------------------------------------------

    /** What a call came to: allowed or not, and the answer it is judged by. */
    record Outcome(boolean allowed, int status, String body) {
    }

    /** One action, run as one column's caller. */
    @FunctionalInterface
    interface Probe {
        Outcome run(String column);
    }

    /** 2xx allowed; 401, 403, 404 refused; anything else (400, 500 …) is a failure of the test. */
    private static Outcome judge(Http.Response response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Outcome(true, status, response.body());
        }
        assertThat(status).as("an answer that is neither allowed nor refused: %s", response.body())
                .isIn(401, 403, 404);
        return new Outcome(false, status, response.body());
    }

    /** A task completion: a variable outside the form is refused with 400 (whoever asks), like a 401/403/404. */
    private static Outcome judgeSubmission(Http.Response response) {
        if (response.status() == 400) {
            return new Outcome(false, 400, response.body());
        }
        return judge(response);
    }

    /** A listing: allowed when the item is in it. */
    private static Outcome listed(Http.Response response, Predicate<JsonNode> item) {
        Outcome outcome = judge(response);
        if (!outcome.allowed()) {
            return outcome;
        }
        JsonNode body = response.json();
        JsonNode items = body.has("items") ? body.path("items") : body;
        boolean found = StreamSupport.stream(items.spliterator(), false).anyMatch(item);
        return new Outcome(found, response.status(), abbreviate(response.body()));
    }

    /** A listing inside an allowed answer (e.g. the units of a report). */
    private static Outcome listed(JsonNode items, Http.Response response, Predicate<JsonNode> item) {
        boolean found = StreamSupport.stream(items.spliterator(), false).anyMatch(item);
        return new Outcome(found, response.status(), abbreviate(response.body()));
    }

    private static Predicate<JsonNode> finding(String incident) {
        return n -> incident.equals(n.path("recordKey").asText());
    }

    private static Predicate<JsonNode> id(Object id) {
        return node -> String.valueOf(id).equals(node.path("id").asText());
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    // ---- the probes, one per row ------------------------------------------------------

    private Map<String, Probe> probes() {
        Map<String, Probe> p = new LinkedHashMap<>();
        p.put("GET  /api/reference/sources", c -> judge(api(c).get("/api/reference/sources")));
        p.put("GET  /api/reference/categories", c -> judge(api(c).get("/api/reference/categories")));
        p.put("GET  /api/org/units", c -> judge(api(c).get("/api/org/units")));
        p.put("GET  /api/org/units/{code}", c -> judge(api(c).get("/api/org/units/" + unitB)));
        p.put("POST /api/org/units", c -> {
            String code = "MN" + unique();
            Outcome o = judge(api(c).postJson("/api/org/units", Map.of("code", code, "name", "新单位", "kind", "OTHER")));
            assertStored(o, "SELECT COUNT(*) FROM org_unit WHERE code = ?", code);
            return o;
        });
        p.put("PUT  /api/org/units/{code}", c -> {
            String name = "乙派出所" + unique();
            Outcome o = judge(api(c).putJson("/api/org/units/" + unitB, Map.of("code", unitB, "name", name,
                    "kind", "STATION")));
            assertStored(o, "SELECT COUNT(*) FROM org_unit WHERE name = ?", name);
            return o;
        });
        p.put("POST /api/org/units/import", c -> {
            String code = "MI" + unique();
            Outcome o = judge(api(c).postCsv("/api/org/units/import", "code,name,kind\n" + code + ",导入单位,OTHER\n"));
            assertStored(o, "SELECT COUNT(*) FROM org_unit WHERE code = ?", code);
            return o;
        });
        p.put("GET  /api/org/officers (own unit)", c -> listed(api(c).get("/api/org/officers"),
                n -> users.get("OFF").equals(n.path("officerNo").asText())));
        p.put("GET  /api/org/officers?unitCode={other}", c -> listed(api(c).get("/api/org/officers?unitCode=" + unitB),
                n -> officerB.equals(n.path("officerNo").asText())));
        p.put("GET  /api/org/officers/{own unit's officer}", c -> judge(api(c).get("/api/org/officers/" + users.get("OFF"))));
        p.put("GET  /api/org/officers/{other unit's officer}", c -> judge(api(c).get("/api/org/officers/" + officerB)));
        p.put("POST /api/org/officers", c -> {
            String no = "MN" + unique();
            Outcome o = judge(api(c).postJson("/api/org/officers", Map.of("officerNo", no, "name", "新民警",
                    "unitCode", unitB, "roles", List.of("OFFICER"), "password", PASSWORD)));
            assertStored(o, "SELECT COUNT(*) FROM org_officer WHERE officer_no = ?", no);
            return o;
        });
        p.put("PUT  /api/org/officers/{officerNo}", c -> {
            String name = "改名" + unique();
            Outcome o = judge(api(c).putJson("/api/org/officers/" + officerB, Map.of("officerNo", officerB,
                    "name", name, "unitCode", unitB, "roles", List.of("OFFICER"))));
            assertStored(o, "SELECT COUNT(*) FROM org_officer WHERE name = ?", name);
            return o;
        });
        p.put("POST /api/org/officers/import", c -> {
            String no = "MI" + unique();
            Outcome o = judge(api(c).postCsv("/api/org/officers/import",
                    "officer_no,name,unit_code,roles,password\n" + no + ",导入民警," + unitB + ",OFFICER," + PASSWORD + "\n"));
            assertStored(o, "SELECT COUNT(*) FROM org_officer WHERE officer_no = ?", no);
            return o;
        });
        p.put("POST /api/problems", c -> {
            String title = "越权登记" + unique();
            Outcome o = judge(api(c).postJson("/api/problems", Map.of("source", "HOTLINE_12345", "category",
                    "CASE_FILING", "unitCode", unitB, "title", title, "description", "测试")));
            assertStored(o, "SELECT COUNT(*) FROM problem WHERE title = ?", title);
            return o;
        });
        p.put("GET  /api/problems/{own unit}", c -> judge(api(c).get("/api/problems/" + ownProblem)));
        p.put("GET  /api/problems/{other unit}", c -> judge(api(c).get("/api/problems/" + otherProblem)));
        p.put("GET  /api/problems/{own unit}/talks", c -> judge(api(c).get("/api/problems/" + ownProblem + "/talks")));
        p.put("GET  /api/problems/{other unit}/talks", c -> judge(api(c).get("/api/problems/" + otherProblem
                + "/talks")));
        p.put("GET  /api/problems/{other unit}/evidence", c -> judge(api(c).get("/api/problems/" + otherProblem
                + "/evidence")));
        p.put("GET  /api/problems lists the other unit's", c -> listed(api(c).get("/api/problems?size=200"),
                id(otherProblem)));
        p.put("GET  /api/problems?unitCode={other}", c -> listed(api(c).get("/api/problems?unitCode=" + unitB),
                id(otherProblem)));
        p.put("POST /api/problems/{id}/urge", c -> {
            long id = problem(unitA);
            Outcome o = judge(api(c).postJson("/api/problems/" + id + "/urge", Map.of("comment", "催办")));
            assertStored(o, "SELECT COUNT(*) FROM problem_event WHERE problem_id = ? AND kind = 'MANUAL_URGE'", id);
            return o;
        });
        p.put("POST /api/problems/{id}/raise", c -> {
            long id = problem(unitA);
            Outcome o = judge(api(c).postJson("/api/problems/" + id + "/raise", Map.of("comment", "提级")));
            assertStored(o, "SELECT COUNT(*) FROM problem WHERE id = ? AND level = 'YELLOW'", id);
            return o;
        });
        p.put("POST /api/problems/{id}/void", c -> {
            long id = problem(unitA);
            Outcome o = judge(api(c).postJson("/api/problems/" + id + "/void", Map.of("reason", "登记错误")));
            assertStored(o, "SELECT COUNT(*) FROM problem WHERE id = ? AND status = 'VOID'", id);
            return o;
        });
        p.put("POST /api/intake", c -> {
            String ticketNo = "MT" + unique();
            Outcome o = judge(api(c).postJson("/api/intake", intakeTicket(ticketNo)));
            assertStored(o, "SELECT COUNT(*) FROM intake WHERE ticket_no = ?", ticketNo);
            return o;
        });
        p.put("POST /api/intake/import", c -> {
            String ticketNo = "MC" + unique();
            Outcome o = judge(api(c).postCsv("/api/intake/import", "source,ticketNo,receivedAt,content,complainantPhone\n"
                    + "HOTLINE_12345," + ticketNo + ",2026-03-01T09:30:00+08:00,权限矩阵导入,13912345678\n"));
            assertStored(o, "SELECT COUNT(*) FROM intake WHERE ticket_no = ?", ticketNo);
            return o;
        });
        p.put("GET  /api/intake lists the intake", c -> listed(api(c).get("/api/intake?source=HOTLINE_12345&size=200"),
                id(intake())));
        p.put("GET  /api/intake/{id}", c -> judge(api(c).get("/api/intake/" + intake())));
        p.put("GET  /intakes/{id} (the page)", c -> judge(api(c).get("/intakes/" + calling())));
        p.put("GET  /intakes/{id}/contact (the phone, to the call back)", c -> {
            Http.Response r = api(c).get("/intakes/" + calling() + "/contact");
            Outcome o = judge(r);
            assertThat(r.body().contains("13912345678")).as("the phone in clear").isEqualTo(o.allowed());
            return o;
        });
        p.put("GET  /api/documents?problemId={other unit's}", c -> listed(
                api(c).get("/api/documents?problemId=" + otherProblem), id(otherDocument)));
        p.put("GET  /api/documents/{own unit}", c -> judge(api(c).get("/api/documents/" + ownDocument)));
        p.put("GET  /api/documents/{other unit}", c -> judge(api(c).get("/api/documents/" + otherDocument)));
        p.put("GET  /api/notifications", c -> judge(api(c).get("/api/notifications?problemId=" + otherProblem)));
        p.put("POST /api/notifications/{id}/retry", c -> {
            // a message still waiting: whoever may retry is told 409 (only FAILED ones are retried)
            Http.Response r = api(c).postJson("/api/notifications/" + pendingMessage + "/retry", Map.of());
            return r.status() == 409 ? new Outcome(true, 409, r.body()) : judge(r);
        });
        p.put("GET  /api/admin/calendar", c -> judge(api(c).get("/api/admin/calendar?year=2026")));
        p.put("PUT  /api/admin/calendar/{day}", c -> {
            String day = "2098-10-0" + (1 + COLUMNS.indexOf(c) % 7);
            jdbc.update("DELETE FROM cal_day WHERE cal_date = ?", java.sql.Date.valueOf(day));
            Outcome o = judge(api(c).putJson("/api/admin/calendar/" + day, Map.of("kind", "HOLIDAY", "name", "国庆节")));
            assertStored(o, "SELECT COUNT(*) FROM cal_day WHERE cal_date = ?", java.sql.Date.valueOf(day));
            return o;
        });
        p.put("DELETE /api/admin/calendar/{day}", c -> {
            String day = "2098-11-02";
            admin().putJson("/api/admin/calendar/" + day, Map.of("kind", "HOLIDAY", "name", "测试"));
            Outcome o = judge(api(c).delete("/api/admin/calendar/" + day));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cal_day WHERE cal_date = ?", Long.class,
                    java.sql.Date.valueOf(day))).as("deleted only when allowed").isEqualTo(o.allowed() ? 0L : 1L);
            return o;
        });
        p.put("PUT  /api/admin/sources/{code}", c -> {
            String code = "MX_" + unique();
            Outcome o = judge(api(c).putJson("/api/admin/sources/" + code, Map.of("name", "矩阵渠道" + code,
                    "kind", "OTHER", "active", false)));
            assertStored(o, "SELECT COUNT(*) FROM ref_source WHERE code = ?", code);
            return o;
        });
        p.put("POST /api/admin/calendar/import", c -> {
            String day = "2098-12-0" + (1 + COLUMNS.indexOf(c) % 7);
            jdbc.update("DELETE FROM cal_day WHERE cal_date = ?", java.sql.Date.valueOf(day));
            Outcome o = judge(api(c).postCsv("/api/admin/calendar/import", "day,kind,name\n" + day + ",HOLIDAY,导入\n"));
            assertStored(o, "SELECT COUNT(*) FROM cal_day WHERE cal_date = ?", java.sql.Date.valueOf(day));
            return o;
        });
        p.put("GET  /api/admin/clock", c -> judge(api(c).get("/api/admin/clock")));
        p.put("POST /api/admin/clock", c -> judge(api(c).postJson("/api/admin/clock",
                Map.of("now", OffsetDateTime.now().toString()))));
        p.put("GET  /api/admin/forecast", c -> judge(api(c).get("/api/admin/forecast?from="
                + LocalDate.now(CHINA) + "&to=" + LocalDate.now(CHINA).plusDays(2))));
        p.put("POST /api/admin/forecast/deadlines", c -> {
            byte[] dmn;
            try {
                dmn = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("processes", "deadlines.dmn"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return judge(api(c).postRaw("/api/admin/forecast/deadlines?from=" + LocalDate.now(CHINA) + "&to="
                    + LocalDate.now(CHINA), "multipart/form-data; boundary=" + EvidenceIT.BOUNDARY,
                    EvidenceIT.multipart(List.of(new EvidenceIT.Part("file", "deadlines.dmn", "application/xml", dmn)))));
        });
        p.put("GET  /api/admin/processes/{key}/versions", c -> judge(api(c).get("/api/admin/processes/"
                + twoVersions() + "/versions")));
        p.put("POST /api/admin/processes/migrations (dry run)", c -> judge(api(c).postJson(
                "/api/admin/processes/migrations", Map.of("processKey", twoVersions(), "fromVersion", 1,
                        "toVersion", 2, "dryRun", true))));
        p.put("POST /api/reports", c -> {
            LocalDate day = unusedDay();
            Outcome o = judge(api(c).postJson("/api/reports", Map.of("type", "DAILY", "date", day.toString())));
            assertStored(o, "SELECT COUNT(*) FROM report WHERE type = 'DAILY' AND period_start = ?",
                    java.sql.Date.valueOf(day));
            return o;
        });
        p.put("GET  /api/reports", c -> {
            long report = report();
            return listed(api(c).get("/api/reports?type=DAILY&size=200"), id(report));
        });
        p.put("GET  /api/reports/{id} (the bureau's bulletin)", c -> judge(api(c).get("/api/reports/" + report())));
        p.put("GET  /api/dashboard", c -> judge(api(c).get("/api/dashboard")));
        p.put("GET  /dashboard/ (the page)", c -> judge(api(c).get("/dashboard/")));
        p.put("GET  /api/scores", c -> listed(api(c).get("/api/scores"), n -> unitB.equals(n.path("code").asText())));
        p.put("GET  /api/scores?by=officer", c -> listed(api(c).get("/api/scores?by=officer"),
                n -> officerB.equals(n.path("code").asText())));
        p.put("GET  /api/stats/units", c -> {
            LocalDate today = LocalDate.now(CHINA);
            Http.Response r = api(c).get("/api/stats/units?from=" + today.minusDays(30) + "&to=" + today);
            Outcome o = judge(r);
            return o.allowed() ? listed(r.json().path("units"), r, n -> unitB.equals(n.path("code").asText())) : o;
        });
        p.put("GET  /api/stats/intake", c -> {
            LocalDate today = LocalDate.now(CHINA);
            Outcome o = judge(api(c).get("/api/stats/intake?from=" + today.minusDays(30) + "&to=" + today));
            if (o.allowed()) {
                assertThat(o.body()).contains("\"total\"", "\"channels\"", "\"units\"", "\"satisfactionRate\"");
            }
            return o;
        });
        p.put("POST /api/detection/runs", c -> {
            // a mode that does not exist: whoever may run is told 400 and nothing runs; anyone else 401 or 403
            Http.Response r = api(c).exchange("POST", "/api/detection/runs?mode=NONE", null, null);
            return r.status() == 400 && r.body().contains("FULL, INCREMENTAL") ? new Outcome(true, 400, r.body())
                    : judge(r);
        });
        p.put("GET  /api/detection/runs", c -> {
            long run = detection().run();
            return listed(api(c).get("/api/detection/runs?limit=200"), n -> run == n.path("runId").asLong());
        });
        p.put("GET  /api/detection/runs/{id}", c -> judge(api(c).get("/api/detection/runs/" + detection().run())));
        p.put("GET  /api/detection/findings?unitCode={own}", c -> {
            Predicate<JsonNode> own = finding(detection().incidentA());
            return listed(api(c).get("/api/detection/findings?unitCode=" + unitA), own);
        });
        p.put("GET  /api/detection/findings lists the other unit's", c -> {
            Predicate<JsonNode> other = finding(detection().incidentB());
            return listed(api(c).get("/api/detection/findings?limit=10000"), other);
        });
        p.put("GET  /api/detection/findings?unitCode={other}", c -> {
            Predicate<JsonNode> other = finding(detection().incidentB());
            return listed(api(c).get("/api/detection/findings?unitCode=" + unitB), other);
        });
        p.put("POST /api/ledgers/{kind}", c -> {
            String no = "MJ" + unique();
            Outcome o = judge(api(c).postCsv("/api/ledgers/incidents", INCIDENTS + incident(no, unitB, "OTHER", 1)));
            assertStored(o, "SELECT COUNT(*) FROM ledger_incident WHERE incident_no = ?", no);
            return o;
        });
        p.put("GET  /api/ledgers/imports", c -> {
            long imported = detection().ledgerImport();
            return listed(api(c).get("/api/ledgers/imports?limit=200"), n -> imported == n.path("importId").asLong());
        });
        p.put("GET  /api/ledgers/imports/{id}", c -> judge(api(c).get("/api/ledgers/imports/"
                + detection().ledgerImport())));
        p.put("GET  /api/demo/dingtalk/inbox (demo and tests only)", c -> judge(api(c).get("/api/demo/dingtalk/inbox")));
        p.put("POST /api/demo/dingtalk/open (demo and tests only)", c -> {
            // 在钉钉中打开: the fake issues a 免登 code and the browser is sent (303) to the 免登 page
            Http.Response r = api(c).postForm("/api/demo/dingtalk/open",
                    Map.of("userid", "dt-matrix", "url", "/dingtalk/login?redirect=%2F"));
            return r.status() == 303 ? new Outcome(true, 303, r.body()) : judge(r);
        });
        // DingTalk's card callback needs no login but DingTalk's signature: a login is no substitute
        p.put("POST /api/dingtalk/callback not signed by DingTalk", c -> {
            Outcome o = judge(api(c).postJson("/api/dingtalk/callback", Map.of("outTrackId", "jd-matrix",
                    "userId", "dt-matrix", "content", "{\"cardPrivateData\":{\"actionIds\":[\"sign\"]}}")));
            assertStored(o, "SELECT COUNT(*) FROM dingtalk_card_action WHERE out_track_id = ?", "jd-matrix");
            return o;
        });
        p.put("GET  /actuator/health", c -> judge(api(c).get("/actuator/health")));
        p.put("GET  /actuator/prometheus", c -> judge(api(c).get("/actuator/prometheus")));
        p.put("GET  /v3/api-docs", c -> judge(api(c).get("/v3/api-docs")));

        p.put("engine-rest: task list shows the own unit's task", c -> listed(
                api(c).get("/engine-rest/task?processInstanceBusinessKey=" + ownProblem), id(ownTask)));
        p.put("engine-rest: task list shows the other unit's task", c -> listed(
                api(c).get("/engine-rest/task?processInstanceBusinessKey=" + otherProblem), id(otherTask)));
        p.put("engine-rest: read the other unit's task variables", c -> judge(
                api(c).get("/engine-rest/task/" + otherTask + "/variables")));
        p.put("engine-rest: claim the own unit's task", c -> claim(c, unitA));
        p.put("engine-rest: claim the other unit's task", c -> claim(c, unitB));
        p.put("engine-rest: complete the own unit's task", c -> completeRectification(c, unitA));
        p.put("engine-rest: complete the other unit's task", c -> completeRectification(c, unitB));
        p.put("engine-rest: decide a pause (法制大队长审批暂停)", c -> {
            long id = signedProblem(unitA);
            tasks.complete(rectifyTask(id), Map.of("rectifyOutcome", "WAIT", "pauseReason", "OTHER",
                    "pauseDetail", "权限矩阵"));
            String decide = task(id, "Task_ApprovePause").getId();
            Outcome o = judge(api(c).postJson("/engine-rest/task/" + decide + "/complete", Map.of("variables",
                    Map.of("pauseDecision", Map.of("value", "REJECT")))));
            assertThat(tasks.createTaskQuery().taskId(decide).count()).isEqualTo(o.allowed() ? 0 : 1);
            return o;
        });
        p.put("engine-rest: sign for the own unit", c -> {
            String sign = task(problem(unitA), "Task_Sign").getId();
            Outcome o = judge(api(c).postJson("/engine-rest/task/" + sign + "/complete", Map.of()));
            assertThat(tasks.createTaskQuery().taskId(sign).count()).isEqualTo(o.allowed() ? 0 : 1);
            return o;
        });
        p.put("engine-rest: hand the own unit's task to someone else", c -> {
            String task = rectifyTask(signedProblem(unitA));
            Outcome o = judge(api(c).postJson("/engine-rest/task/" + task + "/assignee",
                    Map.of("userId", users.get("HEAD"))));
            assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee())
                    .isEqualTo(o.allowed() ? users.get("HEAD") : null);
            return o;
        });
        p.put("engine-rest: decide a transfer request (改派)", c -> {
            long id = problem(unitA);
            tasks.complete(task(id, "Task_Sign").getId(), Map.of("signOutcome", "TRANSFER", "transferReason",
                    "不属本所管辖", "suggestedUnitCode", unitB));
            String decide = task(id, "Task_DecideTransfer").getId();
            Outcome o = judge(api(c).postJson("/engine-rest/task/" + decide + "/complete", Fixtures.variables(
                    "transferDecision", "REJECT", "transferComment", "应由本所办理")));
            assertThat(tasks.createTaskQuery().taskId(decide).count()).isEqualTo(o.allowed() ? 0 : 1);
            return o;
        });
        p.put("engine-rest: task list shows an intake's task", c -> listed(
                api(c).get("/engine-rest/task?processInstanceBusinessKey=intake-" + calling()),
                id(intakeTask(calling(), "Task_Callback"))));
        p.put("engine-rest: read an intake's variables", c -> listed(
                api(c).get("/engine-rest/variable-instance?processInstanceIdIn=" + intakeInstance(calling())),
                n -> "ticketNo".equals(n.path("name").asText())));
        p.put("engine-rest: read an intake's history variables", c -> listed(
                api(c).get("/engine-rest/history/variable-instance?processInstanceId=" + intakeInstance(calling())),
                n -> "ticketNo".equals(n.path("name").asText())));
        p.put("engine-rest: triage an intake (分派)", c -> completeIntakeTask(c, intakeTask(newIntake(), "Task_Triage"),
                "triageDecision", "REJECT", "triageReason", "不属执法问题，已告知诉求人"));
        p.put("engine-rest: call back an intake (回访)", c -> completeIntakeTask(c, intakeTask(intakeAtCallback(),
                "Task_Callback"), "callbackOutcome", "SATISFIED", "callbackNote", "已联系"));
        p.put("engine-rest: review a dissatisfied call (回访复核)", c -> {
            long id = intakeAtCallback();
            tasks.complete(intakeTask(id, "Task_Callback"), Map.of("callbackOutcome", "DISSATISFIED", "callbackNote",
                    "不满意"));
            return completeIntakeTask(c, intakeTask(id, "Task_CallbackReview"), "callbackReviewDecision", "UPHOLD",
                    "callbackReviewNote", "已向群众解释");
        });
        p.put("engine-rest: read the other unit's process instance", c -> listed(
                api(c).get("/engine-rest/process-instance?businessKey=" + otherProblem),
                n -> String.valueOf(otherProblem).equals(n.path("businessKey").asText())));
        p.put("engine-rest: read the other unit's history", c -> listed(
                api(c).get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + otherProblem),
                n -> String.valueOf(otherProblem).equals(n.path("businessKey").asText())));
        p.put("engine-rest: register through the start form", c -> {
            String title = "任务列表登记" + unique();
            Map<String, Object> form = new HashMap<>();
            form.put("source", Map.of("value", "CHIEF_MAILBOX"));
            form.put("category", Map.of("value", "CONDUCT"));
            form.put("unitCode", Map.of("value", unitB));
            form.put("title", Map.of("value", title));
            form.put("description", Map.of("value", "测试"));
            Http.Response r = api(c).postJson("/engine-rest/process-definition/key/rectification/submit-form",
                    Map.of("variables", form));
            Outcome o = judge(r);
            assertStored(o, "SELECT COUNT(*) FROM problem WHERE title = ?", title);
            return o;
        });
        p.put("engine-rest: raise a level by message", c -> {
            long id = problem(unitA);
            Outcome o = judge(api(c).postJson("/engine-rest/message", Map.of("messageName", "RaiseLevel",
                    "businessKey", String.valueOf(id))));
            assertStored(o, "SELECT COUNT(*) FROM problem WHERE id = ? AND level = 'YELLOW'", id);
            return o;
        });
        p.put("engine-rest: change a process variable", c -> {
            long id = problem(unitA);
            String instance = jdbc.queryForObject("SELECT process_instance_id FROM problem WHERE id = ?", String.class, id);
            Outcome o = judge(api(c).putJson("/engine-rest/process-instance/" + instance + "/variables/note",
                    Map.of("value", "改动", "type", "String")));
            assertThat(runtime.getVariable(instance, "note")).isEqualTo(o.allowed() ? "改动" : null);
            return o;
        });
        p.put("engine-rest: complete the own unit's task with a level", c -> {
            long id = signedProblem(unitA);
            String task = rectifyTask(id);
            Outcome o = judgeSubmission(api(c).postJson("/engine-rest/task/" + task + "/complete", Map.of("variables",
                    Map.of("rectifyOutcome", Map.of("value", "DONE"), "rectificationReport", Map.of("value", "已整改"),
                            "level", Map.of("value", "RED")))));
            assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(o.allowed() ? 0 : 1);
            assertStored(o, "SELECT COUNT(*) FROM problem WHERE id = ? AND status = 'REVIEWING'", id);
            return o;
        });
        p.put("engine-rest: throw a BPMN error from a sign task", c -> {
            long id = problem(unitA);
            String sign = task(id, "Task_Sign").getId();
            Http.Response r = api(c).postJson("/engine-rest/task/" + sign + "/bpmnError", Map.of("errorCode", "ANY"));
            // the administrator reaches the engine, which refuses an error nobody catches (a 500 of the engine's)
            Outcome o = "ADM".equals(c) && r.status() == 500 ? new Outcome(false, 500, r.body()) : judge(r);
            assertThat(tasks.createTaskQuery().taskId(sign).count()).isEqualTo(o.allowed() ? 0 : 1);
            assertStored(o, "SELECT COUNT(*) FROM problem WHERE id = ? AND status = 'CLOSED'", id);
            return o;
        });
        p.put("engine-rest: send a signal", c -> judge(api(c).postJson("/engine-rest/signal",
                Map.of("name", "matrix-" + unique()))));
        p.put("engine-rest: rename oneself (user profile)", c -> {
            String user = users.getOrDefault(c, "nobody");
            String name = "ADM".equals(c) ? "系统管理员" : "局长";
            Outcome o = judge(api(c).putJson("/engine-rest/user/" + user + "/profile",
                    Map.of("id", user, "firstName", name, "lastName", "")));
            if (!"ANON".equals(c)) {
                assertThat(admin().get("/engine-rest/user/" + user + "/profile").json().path("firstName").asText()
                        .equals(name)).isEqualTo(o.allowed() || "ADM".equals(c));
            }
            return o;
        });
        p.put("engine-rest: delete a process instance", c -> {
            long id = problem(unitA);
            String instance = jdbc.queryForObject("SELECT process_instance_id FROM problem WHERE id = ?", String.class, id);
            Outcome o = judge(api(c).delete("/engine-rest/process-instance/" + instance));
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count())
                    .isEqualTo(o.allowed() ? 0 : 1);
            return o;
        });
        p.put("engine-rest: task query with an expression (advisory)", c -> {
            // every way in is refused before the engine sees it: 400 from the guard
            for (Http.Response r : expressionQueries(c)) {
                assertThat(r.status()).as(r.body()).isEqualTo(400);
            }
            return new Outcome(false, 400, "refused");
        });

        p.put("engine-rest: deploy a model (Modeler's deploy button)", c -> {
            String key = "matrix_" + unique();
            Outcome o = judge(api(c).postRaw("/engine-rest/deployment/create", "multipart/form-data; boundary="
                    + EvidenceIT.BOUNDARY, EvidenceIT.multipart(List.of(
                            EvidenceIT.Part.text("deployment-name", key),
                            EvidenceIT.Part.text("deployment-source", "Camunda Modeler"),
                            new EvidenceIT.Part("data", key + ".bpmn", "application/octet-stream",
                                    tinyModel(key).getBytes(java.nio.charset.StandardCharsets.UTF_8))))));
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
                    .isEqualTo(o.allowed() ? 1 : 0);
            return o;
        });
        p.put("Tasklist: log in", c -> {
            Http session = anonymous();
            Http.Response r = session.loginToWebapp("tasklist", users.getOrDefault(c, "nobody"), password(c));
            return judge(r);
        });
        p.put("Tasklist: list shows the own unit's task", c -> listed(
                tasklist(c).postJson("/camunda/api/engine/engine/default/task",
                        Map.of("processInstanceBusinessKey", String.valueOf(ownProblem))), id(ownTask)));
        p.put("Tasklist: list shows the other unit's task", c -> listed(
                tasklist(c).postJson("/camunda/api/engine/engine/default/task",
                        Map.of("processInstanceBusinessKey", String.valueOf(otherProblem))), id(otherTask)));
        p.put("Tasklist: claim the other unit's task", c -> {
            String task = rectifyTask(signedProblem(unitB));
            Outcome o = judge(tasklist(c).postJson("/camunda/api/engine/engine/default/task/" + task + "/claim",
                    Map.of("userId", users.getOrDefault(c, "nobody"))));
            assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee() != null).isEqualTo(o.allowed());
            return o;
        });
        p.put("Tasklist: submit the own unit's task form", c -> submit(c, unitA));
        p.put("Tasklist: submit the other unit's task form", c -> submit(c, unitB));
        p.put("Tasklist: submit the own unit's form with its deadline", c -> {
            long id = signedProblem(unitA);
            String task = rectifyTask(id);
            Outcome o = judgeSubmission(tasklist(c).postJson("/camunda/api/engine/engine/default/task/" + task
                    + "/submit-form", Map.of("variables", Map.of("rectifyOutcome", Map.of("value", "DONE"),
                            "rectificationReport", Map.of("value", "已整改"),
                            "rectifyDue", Map.of("value", "2099-01-01T00:00:00.000+0800", "type", "Date")))));
            assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(o.allowed() ? 0 : 1);
            return o;
        });
        p.put("Cockpit: log in", c -> judge(anonymous().loginToWebapp("cockpit", users.getOrDefault(c, "nobody"),
                password(c))));
        p.put("Admin webapp: log in", c -> judge(anonymous().loginToWebapp("admin", users.getOrDefault(c, "nobody"),
                password(c))));
        p.put("Admin webapp: first-admin setup (advisory)", c -> {
            Http session = "ANON".equals(c) ? anonymous() : tasklist(c);
            Outcome outcome = null;
            for (String path : List.of("/camunda/api/admin/setup/default/user/create",
                    "/camunda/api/admin//setup/default/user/create", "/camunda/api/admin/setup/default/user/create/",
                    "/camunda/api/admin/./setup/default/user/create", "/camunda/api/admin/Setup/default/user/create")) {
                Http.Response r = session.postJson(path, Map.of(
                        "profile", Map.of("id", "intruder" + c, "firstName", "x", "lastName", "y"),
                        "credentials", Map.of("password", "intruder-password")));
                assertThat(r.status()).as(path + ": " + r.body()).isIn(400, 401, 403, 404);
                outcome = new Outcome(false, r.status(), r.body());
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = ?", Long.class, "intruder" + c))
                    .isZero();
            return outcome;
        });
        return p;
    }

    /**
     * The 2026 advisory's ways of putting JUEL into a task query: top level, inside orQueries,
     * as a URL parameter, in a historic task query, in a stored filter, through the Tasklist's
     * engine API, with odd paths, odd case and a JSON escape in the key.
     */
    private List<Http.Response> expressionQueries(String column) {
        Http http = api(column);
        String juel = "${identityService.createUserQuery().list()}";
        List<Http.Response> answers = new ArrayList<>();
        answers.add(http.postJson("/engine-rest/task", Map.of("orQueries", List.of(Map.of("assigneeExpression", juel)))));
        answers.add(http.postJson("/engine-rest/task/count", Map.of("candidateGroupsExpression", juel)));
        answers.add(http.get("/engine-rest/task?assigneeExpression=%24%7B1%7D"));
        answers.add(http.get("/engine-rest/task?ASSIGNEEEXPRESSION=%24%7B1%7D"));
        answers.add(http.postJson("/engine-rest//task", Map.of("assigneeExpression", juel)));
        answers.add(http.postJson("/engine-rest/task/", Map.of("AssigneeExpression", juel)));
        answers.add(http.postRaw("/engine-rest/task", "application/json",
                "{\"assignee\\u0045xpression\": \"${1}\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        answers.add(http.postJson("/engine-rest/history/task", Map.of("taskAssigneeExpression", juel)));
        answers.add(http.postJson("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "坏过滤器",
                "query", Map.of("orQueries", List.of(Map.of("dueBeforeExpression", juel))))));
        answers.add(tasklist(column).postJson("/camunda/api/engine/engine/default/task",
                Map.of("orQueries", List.of(Map.of("assigneeExpression", juel)))));
        return answers;
    }

    private Outcome claim(String column, String unit) {
        String task = rectifyTask(signedProblem(unit));
        String user = users.getOrDefault(column, "nobody");
        Outcome o = judge(api(column).postJson("/engine-rest/task/" + task + "/claim", Map.of("userId", user)));
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(o.allowed() ? user : null);
        return o;
    }

    private Outcome completeRectification(String column, String unit) {
        String task = rectifyTask(signedProblem(unit));
        Outcome o = judge(api(column).postJson("/engine-rest/task/" + task + "/complete", Map.of("variables",
                Map.of("rectifyOutcome", Map.of("value", "DONE"), "rectificationReport", Map.of("value", "已整改")))));
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(o.allowed() ? 0 : 1);
        return o;
    }

    private Outcome submit(String column, String unit) {
        String task = rectifyTask(signedProblem(unit));
        Outcome o = judge(tasklist(column).postJson("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
                Map.of("variables", Map.of("rectifyOutcome", Map.of("value", "DONE"),
                        "rectificationReport", Map.of("value", "已整改")))));
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(o.allowed() ? 0 : 1);
        return o;
    }

    /** A write is stored exactly when it was allowed. */
    private void assertStored(Outcome outcome, String countQuery, Object key) {
        long count = jdbc.queryForObject(countQuery, Long.class, key);
        assertThat(count).as("stored only when allowed (%s)", outcome).isEqualTo(outcome.allowed() ? 1L : 0L);
    }

    // ---- the check ----------------------------------------------------------------------

    @Test
    void shouldGrantEveryRoleExactlyWhatTheMatrixSays() {
        Map<String, Probe> probes = probes();
        Map<String, Map<String, Boolean>> expected = parse();
        assertThat(expected.keySet()).as("every row of the table has its check and every check its row")
                .containsExactlyElementsOf(probes.keySet());

        List<String> wrong = new ArrayList<>();
        expected.forEach((action, row) -> row.forEach((column, allowed) -> {
            Outcome outcome;
            try {
                outcome = probes.get(action).run(column);
            } catch (AssertionError | RuntimeException e) {
                wrong.add(action + " as " + column + ": " + e.getMessage());
                return;
            }
            if (outcome.allowed() != allowed) {
                wrong.add(action + " as " + column + ": expected " + (allowed ? "allowed" : "refused") + ", was "
                        + outcome.status() + " " + abbreviate(outcome.body()));
            } else if (!allowed && "ANON".equals(column) && !action.startsWith("engine-rest: task query")) {
                Set<Integer> login = action.startsWith("Tasklist") || action.startsWith("Cockpit")
                        || action.startsWith("Admin") ? Set.of(401, 403) : Set.of(401);
                if (!login.contains(outcome.status())) {
                    wrong.add(action + " as ANON: expected 401, was " + outcome.status());
                }
            }
        }));
        assertThat(wrong).as("cells of the matrix that do not hold").isEmpty();
    }

    private static Map<String, Map<String, Boolean>> parse() {
        Map<String, Map<String, Boolean>> rows = new LinkedHashMap<>();
        List<String> lines = MATRIX.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.get(0).split("\\|")).stream().map(String::strip).toList();
        assertThat(header.subList(1, header.size())).isEqualTo(COLUMNS);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\|");
            assertThat(cells).as(line).hasSize(COLUMNS.size() + 1);
            Map<String, Boolean> row = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                String cell = cells[i + 1].strip();
                assertThat(cell).as(line).isIn("Y", "-");
                row.put(COLUMNS.get(i), "Y".equals(cell));
            }
            assertThat(rows.put(cells[0].strip(), row)).as("row twice: " + cells[0]).isNull();
        }
        return rows;
    }
}
