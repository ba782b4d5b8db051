package cn.jiandu.notification.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import cn.jiandu.ItSupport;

/**
 * The month's metered calls of two nodes on the real database: each counts in memory and adds
 * its count to dingtalk_quota when it flushes (calls = calls + n); flushing while counting, the
 * table ends with every call of both, none twice. The second node is a second DingTalkQuota
 * over the same table.
 */
class QuotaFlushIT extends ItSupport {

    @Autowired
    DingTalkQuota nodeA;
    @Autowired
    QuotaMapper table;
    @Autowired
    QuotaProperties properties;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldAddUpTheCallsOfTwoNodesInTheTable() throws Exception {
        DingTalkQuota nodeB = new DingTalkQuota(table, properties, clock, transactions, new SimpleMeterRegistry());
        String api = "it.flush." + UUID.randomUUID().toString().substring(0, 8);
        String month = nodeA.usage().month();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (DingTalkQuota node : List.of(nodeA, nodeB)) {
                work.add(threads.submit(() -> {
                    for (int i = 1; i <= 300; i++) {
                        node.count(api);
                        if (i % 50 == 0) {
                            node.flush();
                        }
                    }
                }));
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        node.flush();
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        nodeA.count(api);
        assertThat(nodeA.usage().byApi()).as("the table and the unflushed call").containsEntry(api, 601L);
        nodeA.flush();
        nodeB.flush();

        assertThat(jdbc.queryForObject("SELECT calls FROM dingtalk_quota WHERE quota_month = ? AND api = ?",
                Long.class, month, api)).isEqualTo(601L);
        assertThat(nodeB.usage().byApi()).containsEntry(api, 601L);
        jdbc.update("DELETE FROM dingtalk_quota WHERE api = ?", api);
    }
}
