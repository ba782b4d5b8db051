package cn.jiandu.notification.dingtalk;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * The DingTalk classes of this package built for unit tests elsewhere: the to-do client against
 * a fake DingTalk, the quota over an in-memory table, no transactions.
 */
public final class TestDingTalk {

    public static final String KEY = "todo-test-key";
    public static final String SECRET = "todo-test-secret";
    public static final long AGENT = 3_000_002L;

    private TestDingTalk() {
    }

    /** A fake DingTalk with this app, on the given clock (started). */
    public static FakeDingTalk fake(Clock clock) {
        return new FakeDingTalk(FakeDingTalk.Config.of(KEY, SECRET, AGENT).withClock(clock)).start();
    }

    public static DingTalkQuota quota(long monthlyQuota, Clock clock, MeterRegistry meters) {
        return quota(new MemoryQuotaMapper(), monthlyQuota, clock, meters);
    }

    /** A node's quota over {@code table}: two of them over one table are two nodes. */
    static DingTalkQuota quota(MemoryQuotaMapper table, long monthlyQuota, Clock clock, MeterRegistry meters) {
        return new DingTalkQuota(table, new QuotaProperties(monthlyQuota, 0.8), clock, noTransactions(), meters);
    }

    public static DingTalkTodos todos(FakeDingTalk fake, Clock clock, DingTalkQuota quota) {
        DingTalkProperties properties = new DingTalkProperties("https://oapi.example", "https://api.example", KEY,
                SECRET, AGENT, Map.of(), Duration.ofSeconds(2), Duration.ofMinutes(5), null);
        DingTalkEndpoints endpoints = new DingTalkEndpoints(fake.baseUrl(), fake.baseUrl());
        return new DingTalkTodos(new DingTalkClient(properties, endpoints, clock, clock), endpoints, properties, quota,
                new ApiPace(15));
    }

    /** Runs every "transaction" as plain code. */
    public static PlatformTransactionManager noTransactions() {
        return new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                return new SimpleTransactionStatus();
            }

            @Override
            public void commit(TransactionStatus status) {
            }

            @Override
            public void rollback(TransactionStatus status) {
            }
        };
    }

    /** dingtalk_quota in memory. */
    static final class MemoryQuotaMapper implements QuotaMapper {
        private final Map<String, Long> calls = new TreeMap<>();

        @Override
        public synchronized int add(String month, String api, long n) {
            return calls.computeIfPresent(month + "|" + api, (k, v) -> v + n) == null ? 0 : 1;
        }

        @Override
        public synchronized int insert(String month, String api, long n) {
            if (calls.putIfAbsent(month + "|" + api, n) != null) {
                throw new DuplicateKeyException(month + "|" + api);
            }
            return 1;
        }

        @Override
        public synchronized List<ApiCalls> month(String month) {
            List<ApiCalls> rows = new ArrayList<>();
            calls.forEach((key, n) -> {
                if (key.startsWith(month + "|")) {
                    rows.add(new ApiCalls(key.substring(month.length() + 1), n));
                }
            });
            return rows;
        }
    }
}
