package cn.jiandu.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jiandu.security.Role;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.web.ConflictException;
import cn.jiandu.web.ForbiddenException;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;
import cn.jiandu.text.PlainText;
import cn.jiandu.time.Times;

/**
 * A problem's evidence (整改佐证材料). The process asks {@link #hasEvidence} and
 * {@link #list}; the API uploads, withdraws and downloads. An upload is all or nothing:
 * every file is copied to a temporary file once (counted and hashed on the way), judged by
 * its content, and only when every one is accepted are they stored, in one transaction.
 */
@Service
public class EvidenceService {

    private static final Logger log = LoggerFactory.getLogger(EvidenceService.class);

    static final int MAX_NOTE = 500;

    /** Evidence is added while the problem is open (a later VOID or any new status: refused). */
    private static final Set<ProblemStatus> OPEN = EnumSet.of(ProblemStatus.OPEN, ProblemStatus.RECTIFYING,
            ProblemStatus.REVIEWING);
    /** Evidence is withdrawn only before the review has started. */
    private static final Set<ProblemStatus> BEFORE_REVIEW = EnumSet.of(ProblemStatus.OPEN, ProblemStatus.RECTIFYING);
    /** The legal department (and the administrator) act on every unit's evidence. */
    private static final Set<Role> LEGAL = EnumSet.of(Role.LEGAL_OFFICER, Role.LEGAL_CAPTAIN, Role.ADMIN);

    private final EvidenceMapper mapper;
    private final EvidenceContent content;
    private final ProblemService problems;
    private final EvidenceProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EvidenceService(EvidenceMapper mapper, EvidenceContent content, ProblemService problems,
            EvidenceProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.mapper = mapper;
        this.content = content;
        this.problems = problems;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Whether the problem has evidence that was not withdrawn: 整改 DONE needs some. */
    @Transactional(readOnly = true)
    public boolean hasEvidence(long problemId) {
        return mapper.hasActive(problemId);
    }

    /** The problem's evidence, oldest first, withdrawn files included and marked. */
    @Transactional(readOnly = true)
    public List<EvidenceItem> list(long problemId) {
        return mapper.findByProblem(problemId).stream().map(EvidenceService::item).toList();
    }

    // ---- the API's side: who may see and do what ------------------------------------

    /** The problem if the user may see it (his unit's, or he sees the whole bureau); 404 otherwise. */
    Problem visibleProblem(long problemId, CurrentUser user) {
        return problems.find(problemId).filter(p -> sees(user, p))
                .orElseThrow(() -> new NotFoundException("问题不存在: " + problemId));
    }

    /** A file and its problem if the user may see the problem; 404 otherwise. */
    EvidenceMapper.EvidenceRow visibleEvidence(long evidenceId, CurrentUser user) {
        EvidenceMapper.EvidenceRow row = Optional.ofNullable(mapper.find(evidenceId))
                .orElseThrow(() -> new NotFoundException("佐证材料不存在: " + evidenceId));
        problems.find(row.problemId()).filter(p -> sees(user, p))
                .orElseThrow(() -> new NotFoundException("佐证材料不存在: " + evidenceId));
        return row;
    }

    private static boolean sees(CurrentUser user, Problem problem) {
        return user.seesWholeBureau() || problem.unitCode().equals(user.unitCode());
    }

    /** Writes a file's bytes to {@code out}. */
    void copyContent(long evidenceId, OutputStream out) {
        if (!content.copyTo(evidenceId, out)) {
            throw new NotFoundException("佐证材料不存在: " + evidenceId);
        }
    }

    /**
     * Whether the user may upload evidence to the problem now: its unit or the legal
     * department, while the problem is open (the rules {@link #upload} enforces).
     */
    public static boolean mayUpload(Problem problem, CurrentUser user) {
        return (LEGAL.stream().anyMatch(user::hasRole) || problem.unitCode().equals(user.unitCode()))
                && OPEN.contains(problem.status());
    }

    /** Stores every file or none; answers what was stored, in the order given. */
    List<EvidenceItem> upload(long problemId, List<Upload> uploads, String note, CurrentUser user) {
        Problem problem = visibleProblem(problemId, user);
        if (!LEGAL.stream().anyMatch(user::hasRole) && !problem.unitCode().equals(user.unitCode())) {
            throw new ForbiddenException("只有责任单位和法制部门可以上传整改佐证材料");
        }
        requireOpen(problem);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        List<InputError> errors = new ArrayList<>();
        if (uploads.isEmpty()) {
            errors.add(InputError.of("file", "请选择要上传的文件"));
        } else if (uploads.size() > properties.maxFiles()) {
            errors.add(InputError.of("file", "一次最多上传" + properties.maxFiles() + "个文件，本次" + uploads.size() + "个"));
        }
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            errors.add(InputError.of("note", "说明最多" + MAX_NOTE + "字"));
        } else if (!PlainText.isMultiLine(cleanNote)) {
            errors.add(InputError.of("note", "说明含有不可见的控制字符"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Staged> staged = new ArrayList<>();
        try {
            for (Upload upload : uploads) {
                staged.add(stage(upload, errors));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return transaction.execute(status -> store(problemId, staged, cleanNote, user));
        } finally {
            staged.forEach(Staged::delete);
        }
    }

    private List<EvidenceItem> store(long problemId, List<Staged> staged, String note, CurrentUser user) {
        // the row lock orders this upload with the process step that closes the problem
        Problem problem = problems.lock(problemId);
        requireOpen(problem);
        Instant now = clock.instant();
        List<EvidenceItem> stored = new ArrayList<>();
        for (Staged file : staged) {
            EvidenceMapper.NewEvidence row = new EvidenceMapper.NewEvidence(problemId, file.name(),
                    file.type().mimeType(), file.size(), file.sha256(), note, user.userId(), user.unitCode(), now);
            mapper.insert(row);
            content.insert(row.id, file.path(), file.size());
            problems.record(problemId, EventKind.EVIDENCE, user.userId(), problem.level(),
                    "上传整改佐证材料：" + file.name() + "（" + humanSize(file.size()) + "）", String.valueOf(row.id));
            stored.add(item(mapper.find(row.id)));
        }
        log.info("Evidence of problem {}: {} file(s) uploaded by {}", problemId, stored.size(), user.userId());
        return stored;
    }

    /** Marks a file withdrawn (撤回): kept and listed, no longer counted as evidence. */
    EvidenceItem withdraw(long evidenceId, CurrentUser user) {
        EvidenceMapper.EvidenceRow found = visibleEvidence(evidenceId, user);
        if (!LEGAL.stream().anyMatch(user::hasRole)
                && (user.unitCode() == null || !user.unitCode().equals(found.uploaderUnit()))) {
            throw new ForbiddenException("只有上传单位和法制部门可以撤回佐证材料");
        }
        return transaction.execute(status -> {
            Problem problem = problems.lock(found.problemId());
            EvidenceMapper.EvidenceRow row = mapper.find(evidenceId);
            if (row.withdrawnAt() != null) {
                throw new ConflictException("佐证材料已撤回: " + row.fileName());
            }
            // a file the review has seen stays, also after the problem was returned (退回)
            boolean reviewed = problem.reportedAt() != null && !row.uploadedAt().isAfter(problem.reportedAt());
            if (!BEFORE_REVIEW.contains(problem.status()) || reviewed) {
                throw new ConflictException("审核已开始，佐证材料只能追加，不能撤回: " + row.fileName());
            }
            mapper.withdraw(evidenceId, user.userId(), clock.instant());
            problems.record(found.problemId(), EventKind.EVIDENCE, user.userId(), problem.level(),
                    "撤回整改佐证材料：" + row.fileName(), String.valueOf(evidenceId));
            return item(mapper.find(evidenceId));
        });
    }

    private static void requireOpen(Problem problem) {
        if (!OPEN.contains(problem.status())) {
            throw new ConflictException("问题已闭环，不能再上传整改佐证材料: " + problem.id());
        }
    }

    // ---- staging: one copy to a temporary file, counted and hashed ------------------------

    private record Staged(String name, Path path, long size, String sha256, EvidenceType type) {
        void delete() {
            if (path != null) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.warn("Could not delete the temporary file {}", path, e);
                }
            }
        }
    }

    /** Copies one file; its errors go to {@code errors}, naming the file. */
    private Staged stage(Upload upload, List<InputError> errors) {
        String name = FileNames.clean(upload.submittedName());
        long limit = properties.maxFileSize().toBytes();
        Path path = null;
        try {
            path = Files.createTempFile("jiandu-evidence-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            boolean tooLarge = false;
            try (InputStream in = upload.content().getInputStream(); OutputStream out = Files.newOutputStream(path)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    size += n;
                    if (size > limit) {
                        tooLarge = true;
                        break;
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            Staged staged = new Staged(name, path, size, HexFormat.of().formatHex(sha256.digest()), null);
            if (tooLarge) {
                errors.add(InputError.of("file", "文件「" + name + "」超过大小上限" + humanSize(limit)));
                return staged;
            }
            if (size == 0) {
                errors.add(InputError.of("file", "文件「" + name + "」是空文件"));
                return staged;
            }
            ContentSniffer.Verdict verdict = ContentSniffer.sniff(path);
            if (!verdict.recognised() || !properties.allowedTypes().contains(verdict.type())) {
                String why = verdict.recognised() ? "不是允许的文件类型" : verdict.refusal();
                errors.add(InputError.of("file", "文件「" + name + "」" + why + "（按文件内容判断，允许：" + allowed() + "）"));
                return staged;
            }
            return new Staged(name, path, size, staged.sha256(), verdict.type());
        } catch (IOException e) {
            new Staged(name, path, 0, null, null).delete();
            throw new UncheckedIOException("Could not stage the upload " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String allowed() {
        return properties.allowedTypes().stream().sorted().map(Enum::name).collect(Collectors.joining("、"));
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static EvidenceItem item(EvidenceMapper.EvidenceRow row) {
        return new EvidenceItem(row.id(), row.fileName(), row.contentType(), row.size(), row.sha256(), row.note(),
                row.uploadedBy(), Times.china(row.uploadedAt()), row.withdrawnAt() != null, row.withdrawnBy(),
                Times.china(row.withdrawnAt()));
    }
}
