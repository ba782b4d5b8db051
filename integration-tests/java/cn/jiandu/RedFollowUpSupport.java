package cn.jiandu;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import cn.jiandu.fakedingtalk.FakeDingTalk;
import cn.jiandu.level.Level;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.notification.Notifications;
import cn.jiandu.notification.ProblemNotice;

/** A station with its head and officer, a red message to them sent, and the fake's inbox: the follow-up ITs' ground. */
abstract class RedFollowUpSupport extends ItSupport {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String PASSWORD = "follow-up-pass-1";

    final Fixtures fx = new Fixtures(this, PASSWORD);

    @Autowired
    Notifications notifications;

    String station;
    String head;
    String officer;
    String legal;

    @BeforeEach
    void aStationWithItsHeadAndOfficer() {
        dingtalk.recover();
        clock.setNow(ZonedDateTime.now(CHINA).plusDays(1).with(LocalTime.of(10, 0)).toInstant());
        setAsideUnsentMessages();
        String u = unique();
        station = fx.unit("RS" + u, "已读测试派出所" + u, "STATION");
        String legalUnit = fx.unit("RL" + u, "已读测试法制大队" + u, "LEGAL");
        head = fx.officerOnDingTalk("RH" + u, station, "UNIT_HEAD");
        officer = fx.officerOnDingTalk("RO" + u, station, "OFFICER");
        legal = fx.officerOnDingTalk("RG" + u, legalUnit, "LEGAL_OFFICER");
    }

    @AfterEach
    void backToNow() {
        dingtalk.recover();
        drain();
        clock.reset();
    }


    /** A problem of the station and a red 到期提醒 of it (to the unit head and the officer), sent; its id. */
    long redProblemSent(String title) {
        long id = fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer, title, "群众反映的问题"))
                .path("id").asLong();
        drain();
        notifications.problemStep(new ProblemNotice(id, title, station, officer, Level.RED, null,
                NotificationStep.REMIND, "it-red", null));
        drain();
        return id;
    }

    List<FakeDingTalk.Received> received(String officerNo, String title) {
        return dingtalk.inbox("dt" + officerNo).stream().filter(r -> r.title().endsWith("：" + title)).toList();
    }

    String redTask(String officerNo, String title) {
        return received(officerNo, title).stream().filter(r -> r.title().startsWith("【红色预警】")).findFirst()
                .orElseThrow().taskId();
    }
}
