package cn.jiandu.intake;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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
@Tag(name = "诉求受理", description = "各渠道工单受理（按渠道+工单号去重）、查询；诉求人信息加密存储、脱敏显示")
class IntakeController {

    private final IntakeService intakes;

    IntakeController(IntakeService intakes) {
        this.intakes = intakes;
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
