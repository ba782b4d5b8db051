package cn.jiandu.organisation;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.security.CurrentUser;
import cn.jiandu.security.Role;
import cn.jiandu.text.CsvInput;
import cn.jiandu.web.ForbiddenException;

/** The organisation API; writes need the ADMIN role (see SecurityConfig). */
@RestController
@RequestMapping("/api/org")
@Tag(name = "组织机构", description = "单位、民警与角色")
class OrganisationController {

    private final OrganisationService organisation;

    OrganisationController(OrganisationService organisation) {
        this.organisation = organisation;
    }

    @GetMapping("/units")
    @Operation(summary = "单位列表")
    List<Unit> units() {
        return organisation.units();
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "单位详情")
    Unit unit(@PathVariable String code) {
        return organisation.unit(code);
    }

    @PostMapping("/units")
    @Operation(summary = "新建单位")
    ResponseEntity<Unit> createUnit(@Valid @RequestBody UnitRequest request) {
        Unit unit = organisation.createUnit(request);
        return ResponseEntity.created(URI.create("/api/org/units/" + unit.code())).body(unit);
    }

    @PutMapping("/units/{code}")
    @Operation(summary = "修改单位")
    Unit updateUnit(@PathVariable String code, @Valid @RequestBody UnitRequest request) {
        return organisation.updateUnit(code, request);
    }

    @PostMapping(path = "/units/import", consumes = {"text/csv", "application/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "导入单位（CSV：code,name,parent_code,kind），全部成功或全部不导入")
    OrganisationService.ImportResult importUnits(HttpServletRequest request) throws IOException {
        return organisation.importUnits(CsvInput.open(request.getInputStream(), request.getContentType()));
    }

    @GetMapping("/officers")
    @Operation(summary = "民警列表（单位负责人只看本单位）")
    List<Officer> officers(@RequestParam(required = false) String unitCode, @RequestParam(required = false) Role role,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (user.seesWholeBureau()) {
            return organisation.officers(unitCode, role);
        }
        if (user.hasRole(Role.UNIT_HEAD) && (unitCode == null || unitCode.equals(user.unitCode()))) {
            return organisation.officers(user.unitCode(), role);
        }
        throw new ForbiddenException("只能查看本单位的民警");
    }

    @GetMapping("/officers/{officerNo}")
    @Operation(summary = "民警详情")
    Officer officer(@PathVariable String officerNo, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Officer officer = organisation.officer(officerNo);
        boolean sameUnitHead = user.hasRole(Role.UNIT_HEAD) && officer.unitCode().equals(user.unitCode());
        if (user.seesWholeBureau() || sameUnitHead || officerNo.equals(user.userId())) {
            return officer;
        }
        throw new ForbiddenException("只能查看本单位的民警");
    }

    @PostMapping("/officers")
    @Operation(summary = "新建民警（同时建立登录账号）")
    ResponseEntity<Officer> createOfficer(@Valid @RequestBody OfficerRequest request) {
        Officer officer = organisation.createOfficer(request);
        return ResponseEntity.created(URI.create("/api/org/officers/" + officer.officerNo())).body(officer);
    }

    @PutMapping("/officers/{officerNo}")
    @Operation(summary = "修改民警（password 为空则不改密码）")
    Officer updateOfficer(@PathVariable String officerNo, @Valid @RequestBody OfficerRequest request) {
        return organisation.updateOfficer(officerNo, request);
    }

    @PostMapping(path = "/officers/import", consumes = {"text/csv", "application/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "导入民警（CSV：officer_no,name,unit_code,roles,dingtalk_user_id,mobile,password,active）")
    OrganisationService.ImportResult importOfficers(HttpServletRequest request) throws IOException {
        return organisation.importOfficers(CsvInput.open(request.getInputStream(), request.getContentType()));
    }
}
