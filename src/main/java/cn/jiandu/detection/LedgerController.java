package cn.jiandu.detection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.time.Times;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;

/** Ledger imports (台账导入) from the case system: the legal department and the bureau's leaders. */
@RestController
@Validated
@RequestMapping("/api/ledgers")
@Tag(name = "台账导入", description = "警情、案件、强制措施台账（CSV 或 JSON），全部成功或全部不导入")
class LedgerController {

    private final LedgerImporter importer;
    private final LedgerMapper mapper;
    private final ObjectMapper json;

    LedgerController(LedgerImporter importer, LedgerMapper mapper, ObjectMapper json) {
        this.importer = importer;
        this.mapper = mapper;
        this.json = json;
    }

    /** An import as GET shows it. */
    record ImportView(long importId, String kind, String status, long rowsRead, long rowsStored, long created,
            long updated, long errors, String message, String startedBy, OffsetDateTime startedAt,
            OffsetDateTime updatedAt, OffsetDateTime finishedAt) {
    }

    @PostMapping(path = "/{kind}", consumes = {"text/csv", "application/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "导入台账（incidents 警情, cases 案件, measures 强制措施）：按编号新增或更新；任一行有误则全部不导入，返回每个错误行")
    LedgerImporter.Result importLedger(@PathVariable String kind, HttpServletRequest request,
            Authentication authentication) {
        CurrentUser user = Access.requireBureau(authentication);
        LedgerKind ledger = LedgerKind.ofPath(kind)
                .orElseThrow(() -> new NotFoundException("未知的台账: " + kind + "（incidents, cases, measures）"));
        String contentType = request.getContentType();
        boolean isJson = isJson(contentType);
        Supplier<LedgerInput> input = () -> {
            InputStream body = body(request);
            return isJson ? LedgerInput.json(body, contentType, json.getFactory())
                    : LedgerInput.csv(body, contentType, ledger.requiredColumns());
        };
        return importer.importLedger(ledger, input, user.userId());
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "一次导入的进度与结果：已读行数、已写入行数、状态（RUNNING, DONE, FAILED）")
    ImportView importOf(@PathVariable long id, Authentication authentication) {
        Access.requireBureau(authentication);
        LedgerImport found = mapper.findImport(id);
        if (found == null) {
            throw new NotFoundException("导入不存在: " + id);
        }
        return view(found);
    }

    @GetMapping("/imports")
    @Operation(summary = "最近的导入（可按台账和状态筛选，如 status=RUNNING 看进行中的导入）")
    List<ImportView> imports(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少1条")
            @Max(value = 200, message = "最多200条") int limit, Authentication authentication) {
        Access.requireBureau(authentication);
        String wantedKind = kind == null || kind.isBlank() ? null
                : LedgerKind.ofPath(kind.strip()).map(LedgerKind::path)
                        .orElseThrow(() -> new InvalidInputException("kind", "未知的台账: " + kind + "（incidents, cases, measures）"));
        String wantedStatus = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wantedStatus != null && !List.of(LedgerImport.RUNNING, LedgerImport.DONE, LedgerImport.FAILED)
                .contains(wantedStatus)) {
            throw new InvalidInputException("status", "取值无效: " + status + "，可选值: RUNNING, DONE, FAILED");
        }
        return mapper.recentImports(wantedKind, wantedStatus, limit).stream().map(LedgerController::view).toList();
    }

    /** The 400 of a refused import: every bad row, the import's id, and how many errors there were in all. */
    @ExceptionHandler(LedgerImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(LedgerImportRejected e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()
                + (e.errorCount() > e.errors().size() ? "；仅列出前" + e.errors().size() + "处" : "")
                + "；未导入任何数据");
        pd.setType(URI.create("urn:jiandu:problem:invalid-input"));
        pd.setTitle("输入有误");
        pd.setProperty("errors", e.errors());
        pd.setProperty("errorCount", e.errorCount());
        pd.setProperty("importId", e.importId());
        return ResponseEntity.badRequest().body(pd);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static InputStream body(HttpServletRequest request) {
        try {
            return request.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportView view(LedgerImport i) {
        return new ImportView(i.id(), i.kind(), i.status(), i.rowsRead(), i.rowsStored(), i.created(), i.updated(),
                i.errorCount(), i.message(), i.startedBy(), Times.china(i.startedAt()), Times.china(i.heartbeatAt()),
                Times.china(i.finishedAt()));
    }
}
