package cn.jiandu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;

class ClockControllerTest {

    @AfterEach
    void systemTime() {
        ClockUtil.reset();
    }

    private static ClockController controller(boolean adjustable) {
        AppClock clock = new AppClock(new ClockProperties(adjustable), new AppClockTest.Table(),
                new StaticListableBeanFactory().getBeanProvider(ProcessEngine.class));
        clock.load();
        return new ClockController(clock);
    }

    @Test
    void shouldAnswerNotFoundWhenTheClockIsNotAdjustable() {
        ClockController controller = controller(false);
        assertThat(controller.now().adjustable()).isFalse();
        assertThatThrownBy(() -> controller.move(new ClockController.ClockRequest(
                OffsetDateTime.parse("2026-03-10T09:00:00+08:00")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> controller.move(null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldNameTheMissingTimeWhenAdjustable() {
        assertThatThrownBy(() -> controller(true).move(new ClockController.ClockRequest(null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("now"));
    }
}
