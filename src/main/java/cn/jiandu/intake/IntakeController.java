package cn.jiandu.intake;

import java.io.IOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.security.CurrentUser;
import cn.jiandu.web.Page;

/**
 * Intake (诉求受理): the legal department, the administrator and the channels' machine
 * accounts (INTAKE) hand tickets in and read them; nobody else.
 */
@RestController
@Validated
@RequestMapping("/api/intake")
@Tag(name = "诉求受理", description = "各渠道工单受理（按渠道+工单号去重）、CSV 批量导入、查询；诉求人信息加密存储、脱敏显示")
class IntakeController {

    private final IntakeService intakes;
    private final IntakeImporter importer;

    IntakeController(IntakeService intakes, IntakeImporter importer) {
        this.intakes = intakes;
        this.importer = importer;
    }

    @PostMapping
    @Operation(summary = "受理一张工单：新工单 201；同一渠道同一工单号、内容相同 200（返回原记录）；内容不同 409")
    ResponseEntity<IntakeView> receive(@RequestBody IntakeRequest request, Authentication authentication) {
        IntakeService.Received received = intakes.receive(request, CurrentUser.of(authentication));
        if (received.created()) {
            return ResponseEntity.created(URI.create("/api/intake/" + received.intake().id())).body(received.intake());
        }
        return ResponseEntity.ok(received.intake());
    }

    /**
     * The CSV import: the body is the file (as the ledger import reads it). 201 when it created
     * at least one intake, 200 when every row was a ticket already stored.
     */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "批量导入工单（CSV，请求体即文件）：表头为 source, ticketNo, receivedAt, content, complainantName,"
            + " complainantPhone, complainantIdNumber, unitHint, incidentNo, caseNo，列顺序不限；UTF-8（可带 BOM）或 GBK"
            + "（自动识别，也可在 Content-Type 中声明 charset）；最多5000行、10 MB。全部校验通过才导入，任一行有误则全部不导入，"
            + "返回每个错误的行号和列名（400）；与已受理工单内容相同的行计为重复、不新建，内容不同则全部不导入（409）。"
            + "有新建返回 201，全部为重复返回 200")
    ResponseEntity<IntakeImporter.Imported> importCsv(HttpServletRequest request, Authentication authentication)
            throws IOException {
        IntakeImporter.Imported imported = importer.importCsv(request.getInputStream(), request.getContentType(),
                CurrentUser.of(authentication));
        return ResponseEntity.status(imported.created() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(imported);
    }

    @GetMapping("/{id}")
    @Operation(summary = "受理记录详情（诉求人信息脱敏）")
    IntakeView intake(@PathVariable long id, Authentication authentication) {
        return intakes.get(id, CurrentUser.of(authentication));
    }

    @GetMapping
    @Operation(summary = "受理记录列表（分页，新的在前；可按状态、渠道筛选）")
    Page<IntakeView> list(@RequestParam(required = false) IntakeStatus status,
            @RequestParam(required = false) @Size(max = 40, message = "渠道代码最长40个字符") String source,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码从0开始") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条")
            @Max(value = 200, message = "每页最多200条") int size,
            Authentication authentication) {
        return intakes.page(status, source, page, size, CurrentUser.of(authentication));
    }
}
