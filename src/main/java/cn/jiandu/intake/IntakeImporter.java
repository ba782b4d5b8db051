package cn.jiandu.intake;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jiandu.problem.Channel;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.text.CsvInput;
import cn.jiandu.web.ConflictException;
import cn.jiandu.web.InvalidInputException;

/**
 * Imports tickets from a CSV file (POST /api/intake/import), all or nothing: the file is
 * read whole (at most {@link #MAX_BYTES}, UTF-8 with or without BOM or GBK, see
 * {@link CsvInput#detect}), every row checked as the API checks a ticket
 * ({@link IntakeCsv}), then, in one transaction, each ticket handed to
 * {@link IntakeService#receive} as if it came through the API. A ticket already stored with
 * the same content is a duplicate (its stored intake), with other content the file is
 * refused (409 naming the lines) before anything is stored. Logs counts only.
 */
@Service
class IntakeImporter {

    private static final Logger log = LoggerFactory.getLogger(IntakeImporter.class);

    /** The largest file read (5000 rows of a few hundred characters fit many times over). */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    /** The lines a 409 names at most. */
    private static final int MAX_CONFLICTS_SHOWN = 20;

    private final IntakeService intakes;
    private final IntakeMapper mapper;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IntakeImporter(IntakeService intakes, IntakeMapper mapper, PlatformTransactionManager transactions, Clock clock) {
        this.intakes = intakes;
        this.mapper = mapper;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What an import did: data rows read, intakes created, rows that were a ticket already stored or above. */
    record Imported(int rows, int created, int duplicates, List<Row> intakes) {
    }

    /** One row of the file and the intake it is (new, or the one stored before). */
    record Row(int line, long id, String source, String ticketNo, boolean created) {
    }

    Imported importCsv(InputStream body, String contentType, CurrentUser user) {
        IntakeService.requireHandler(user);
        CsvInput csv = CsvInput.openDetecting(body, contentType, MAX_BYTES);
        Map<String, Channel> channels = intakes.channels();
        List<IntakeCsv.Line> lines = IntakeCsv.read(csv, code -> Optional.ofNullable(channels.get(code)),
                clock.instant());
        Imported imported = transaction.execute(status -> store(lines, user, channels));
        log.info("Intake import by {}: {} rows, {} created, {} duplicates", user.userId(), imported.rows(),
                imported.created(), imported.duplicates());
        return imported;
    }

    private Imported store(List<IntakeCsv.Line> lines, CurrentUser user, Map<String, Channel> channels) {
        refuseConflicts(lines);
        Map<Integer, Row> byLine = new HashMap<>();
        List<Row> rows = new ArrayList<>(lines.size());
        int created = 0;
        for (IntakeCsv.Line line : lines) {
            Row row;
            if (line.firstLine() != null) {
                Row first = byLine.get(line.firstLine());
                row = new Row(line.line(), first.id(), first.source(), first.ticketNo(), false);
            } else {
                IntakeService.Received received = receive(line, user, channels);
                IntakeView intake = received.intake();
                row = new Row(line.line(), intake.id(), intake.source(), intake.ticketNo(), received.created());
                if (received.created()) {
                    created++;
                }
            }
            byLine.put(line.line(), row);
            rows.add(row);
        }
        return new Imported(rows.size(), created, rows.size() - created, rows);
    }

    /** The API's receipt of one row; its refusals name the row's line. */
    private IntakeService.Received receive(IntakeCsv.Line line, CurrentUser user, Map<String, Channel> channels) {
        try {
            return intakes.receive(line.request(), user, channels);
        } catch (InvalidInputException e) {
            // checked a moment before: only a clock or a channel changed meanwhile gets here
            throw new InvalidInputException(e.errors().stream().map(error -> IntakeCsv.at(line.line(), error))
                    .toList());
        } catch (ConflictException e) {
            // stored meanwhile by another node, with other content
            throw new ConflictException("第" + line.line() + "行: " + e.getMessage() + "；未导入任何数据");
        }
    }

    /** 409 naming every line whose ticket is stored with other content. */
    private void refuseConflicts(List<IntakeCsv.Line> lines) {
        List<String> conflicts = new ArrayList<>();
        for (IntakeCsv.Line line : lines) {
            if (line.firstLine() != null) {
                continue;
            }
            Intake stored = mapper.findByTicket(line.checked().source(), line.checked().ticketNo());
            if (stored != null && !Objects.equals(stored.content(), line.checked().content())) {
                conflicts.add("第" + line.line() + "行（渠道 " + stored.source() + " 工单号 " + stored.ticketNo()
                        + "，受理编号 " + stored.id() + "）");
            }
        }
        if (conflicts.isEmpty()) {
            return;
        }
        String shown = conflicts.stream().limit(MAX_CONFLICTS_SHOWN).collect(Collectors.joining("、"));
        String more = conflicts.size() > MAX_CONFLICTS_SHOWN ? "等共" + conflicts.size() + "行" : "";
        throw new ConflictException(shown + more + "的工单已受理，本文件中的诉求内容与已受理的不同；同一工单不能以不同内容重复提交。"
                + "未导入任何数据");
    }
}
