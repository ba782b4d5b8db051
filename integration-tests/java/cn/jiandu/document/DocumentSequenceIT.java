package cn.jiandu.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jiandu.ItSupport;

/**
 * The first issuers of a type in a new year race to create its sequence row: they queue
 * on the guard row, none fails and the numbers start at 1 without gaps (H2 and MariaDB).
 * The year is made up, so that the row is new on a database that outlives the run.
 */
class DocumentSequenceIT extends ItSupport {

    @Autowired
    DocumentSequence sequence;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void shouldLetRacingFirstIssuersOfAYearShareOneNewRow() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        int year = ThreadLocalRandom.current().nextInt(10_000, 2_000_000_000);
        int threads = 30;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                DocumentType type = i % 2 == 0 ? DocumentType.ADVICE : DocumentType.SUPERVISION_ORDER;
                futures.add(pool.submit(() -> {
                    start.await();
                    return tx.execute(status -> sequence.next(type, year));
                }));
            }
            start.countDown();
            List<Integer> advice = new ArrayList<>();
            List<Integer> orders = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                (i % 2 == 0 ? advice : orders).add(futures.get(i).get(120, TimeUnit.SECONDS));
            }

            List<Integer> expected = IntStream.rangeClosed(1, threads / 2).boxed().toList();
            assertThat(advice).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(orders).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }
}
