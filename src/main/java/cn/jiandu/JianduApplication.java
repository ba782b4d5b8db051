package cn.jiandu;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import cn.jiandu.time.Times;

/**
 * Jiandu (监督): law-enforcement supervision (执法监督) on an embedded Camunda 7 engine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class JianduApplication {

    public static void main(String[] args) {
        if (System.getProperty("user.timezone") == null || System.getProperty("user.timezone").isBlank()) {
            TimeZone.setDefault(TimeZone.getTimeZone(Times.ZONE_ID));
        }
        SpringApplication.run(JianduApplication.class, args);
    }
}
