package cn.jiandu.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.security.Role;
import cn.jiandu.security.SecurityProperties;
import cn.jiandu.text.CsvInput;
import cn.jiandu.web.ConflictException;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;

/**
 * The organisation (组织机构): units, officers and their roles, kept in step with
 * Camunda's users and groups in the same transaction.
 */
@Service
public class OrganisationService {

    private final OrganisationMapper mapper;
    private final CamundaIdentity identity;
    private final Validator validator;
    private final SecurityProperties security;

    OrganisationService(OrganisationMapper mapper, CamundaIdentity identity, Validator validator,
            SecurityProperties security) {
        this.mapper = mapper;
        this.identity = identity;
        this.validator = validator;
        this.security = security;
    }

    /** Role groups exist before anyone is given a role. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void ensureRoleGroups() {
        identity.ensureRoleGroups();
    }

    @Transactional(readOnly = true)
    public List<Unit> units() {
        return mapper.findUnits();
    }

    @Transactional(readOnly = true)
    public Unit unit(String code) {
        return findUnit(code).orElseThrow(() -> new NotFoundException("单位不存在: " + code));
    }

    @Transactional(readOnly = true)
    public Optional<Unit> findUnit(String code) {
        return Optional.ofNullable(mapper.findUnit(code));
    }

    @Transactional(readOnly = true)
    public List<Officer> officers(String unitCode, Role role) {
        return mapper.findOfficers(unitCode, role == null ? null : role.name()).stream()
                .map(OrganisationService::toOfficer).toList();
    }

    @Transactional(readOnly = true)
    public Officer officer(String officerNo) {
        return findOfficer(officerNo).orElseThrow(() -> new NotFoundException("民警不存在: " + officerNo));
    }

    @Transactional(readOnly = true)
    public Optional<Officer> findOfficer(String officerNo) {
        return Optional.ofNullable(mapper.findOfficer(officerNo)).map(OrganisationService::toOfficer);
    }

    /**
     * The active officer whose DingTalk user id this is (免登): empty when there is none, and
     * when more than one active officer carries it (who it is cannot be told).
     */
    @Transactional(readOnly = true)
    public Optional<Officer> findActiveOfficerOnDingTalk(String dingtalkUserId) {
        if (dingtalkUserId == null || dingtalkUserId.isBlank()) {
            return Optional.empty();
        }
        List<OrganisationMapper.OfficerRow> rows = mapper.findActiveOfficersOnDingTalk(dingtalkUserId.strip());
        return rows.size() == 1 ? Optional.of(toOfficer(rows.get(0))) : Optional.empty();
    }

    @Transactional
    Unit createUnit(UnitRequest request) {
        requireValid(request, null);
        if (mapper.findUnit(request.code()) != null) {
            throw new ConflictException("单位已存在: " + request.code());
        }
        Unit unit = request.toUnit();
        checkParent(unit, null, Map.of());
        checkLeader(unit, null, "leaderOfficerNo");
        mapper.insertUnit(unit);
        identity.saveUnit(unit);
        return unit;
    }

    @Transactional
    Unit updateUnit(String code, UnitRequest request) {
        requireValid(request, null);
        requireSameKey("code", code, request.code());
        unit(code);
        Unit unit = request.toUnit();
        checkParent(unit, null, Map.of());
        checkLeader(unit, null, "leaderOfficerNo");
        mapper.updateUnit(unit);
        identity.saveUnit(unit);
        return unit;
    }

    @Transactional
    Officer createOfficer(OfficerRequest request) {
        requireValid(request, null);
        if (mapper.findOfficer(request.officerNo()) != null) {
            throw new ConflictException("民警已存在: " + request.officerNo());
        }
        List<InputError> errors = new ArrayList<>();
        checkOfficer(request, null, true, errors);
        throwIfAny(errors);
        return insertOfficer(request);
    }

    @Transactional
    Officer updateOfficer(String officerNo, OfficerRequest request) {
        requireValid(request, null);
        requireSameKey("officerNo", officerNo, request.officerNo());
        officer(officerNo);
        List<InputError> errors = new ArrayList<>();
        checkOfficer(request, null, false, errors);
        throwIfAny(errors);
        return saveExistingOfficer(request);
    }

    /**
     * Imports units from CSV (columns code, name, parent_code, kind in any order); all or
     * nothing: any bad row fails the import naming every bad line, and nothing is stored.
     * A parent may come later in the same file.
     */
    @Transactional
    ImportResult importUnits(CsvInput csv) {
        return importUnits(csv, true);
    }

    /**
     * The import; without {@code leaders} the column leader_officer_no is left out (the demo
     * imports its units before their leaders exist, then once more with them).
     */
    @Transactional
    ImportResult importUnits(CsvInput csv, boolean leaders) {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, UnitRequest> rows = new LinkedHashMap<>();
        List<InputError> errors = new ArrayList<>();
        csv.requireColumns(List.of("code", "name", "kind"));
        for (CsvInput.Row row : csv) {
            int line = row.line();
            UnitRequest request = new UnitRequest(row.get("code"), row.get("name"), row.get("parent_code"),
                    row.getEnum("kind", UnitKind.class, errors), leaders ? row.get("leader_officer_no") : null);
            int before = errors.size();
            validate(request, line, errors, Map.of("parentCode", "parent_code", "leaderOfficerNo", "leader_officer_no"));
            if (errors.size() == before && rows.putIfAbsent(request.code(), request) != null) {
                errors.add(new InputError(line, "code", "单位代码重复: " + request.code()
                        + "（第" + lines.get(request.code()) + "行）"));
            }
            lines.putIfAbsent(request.code(), line);
        }
        errors.addAll(csv.encodingErrors());
        Map<String, Unit> incoming = new LinkedHashMap<>();
        rows.forEach((code, r) -> incoming.put(code, r.toUnit()));
        for (Unit unit : incoming.values()) {
            try {
                checkParent(unit, lines.get(unit.code()), incoming);
                checkLeader(unit, lines.get(unit.code()), "leader_officer_no");
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        throwIfAny(errors);
        int created = 0;
        int updated = 0;
        for (Unit unit : parentsFirst(incoming)) {
            if (mapper.findUnit(unit.code()) == null) {
                mapper.insertUnit(unit);
                created++;
            } else {
                mapper.updateUnit(unit);
                updated++;
            }
            identity.saveUnit(unit);
        }
        return new ImportResult(created, updated);
    }

    /**
     * Imports officers from CSV (officer_no, name, unit_code, roles, dingtalk_user_id,
     * mobile, password, active); roles separated by '|', ';' or spaces. All or nothing.
     */
    @Transactional
    ImportResult importOfficers(CsvInput csv) {
        csv.requireColumns(List.of("officer_no", "name", "unit_code", "roles"));
        Map<String, Integer> lines = new HashMap<>();
        List<OfficerRequest> requests = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        for (CsvInput.Row row : csv) {
            int line = row.line();
            OfficerRequest request = new OfficerRequest(row.get("officer_no"), row.get("name"), row.get("unit_code"),
                    parseRoles(row.get("roles"), line, errors), row.get("dingtalk_user_id"), row.get("mobile"),
                    row.get("password"), row.getBoolean("active", errors));
            int before = errors.size();
            validate(request, line, errors, Map.of("officerNo", "officer_no", "unitCode", "unit_code",
                    "dingtalkUserId", "dingtalk_user_id"));
            if (errors.size() > before) {
                continue;
            }
            Integer first = lines.putIfAbsent(request.officerNo(), line);
            if (first != null) {
                errors.add(new InputError(line, "officer_no", "警号重复: " + request.officerNo() + "（第" + first + "行）"));
                continue;
            }
            checkOfficer(request, line, mapper.findOfficer(request.officerNo()) == null, errors);
            requests.add(request);
        }
        errors.addAll(csv.encodingErrors());
        throwIfAny(errors);
        int created = 0;
        int updated = 0;
        for (OfficerRequest request : requests) {
            if (mapper.findOfficer(request.officerNo()) == null) {
                insertOfficer(request);
                created++;
            } else {
                saveExistingOfficer(request);
                updated++;
            }
        }
        return new ImportResult(created, updated);
    }

    private Officer insertOfficer(OfficerRequest request) {
        Officer officer = request.toOfficer();
        mapper.insertOfficer(officer);
        mapper.insertRoles(officer.officerNo(), officer.roles());
        identity.saveOfficer(officer, request.password());
        return officer;
    }

    private Officer saveExistingOfficer(OfficerRequest request) {
        Officer officer = request.toOfficer();
        mapper.updateOfficer(officer);
        mapper.deleteRoles(officer.officerNo());
        mapper.insertRoles(officer.officerNo(), officer.roles());
        identity.saveOfficer(officer, UnitRequest.blankToNull(request.password()));
        return officer;
    }

    private void checkOfficer(OfficerRequest request, Integer line, boolean isNew, List<InputError> errors) {
        String unitField = line == null ? "unitCode" : "unit_code";
        if (mapper.findUnit(request.unitCode().strip()) == null) {
            errors.add(new InputError(line, unitField, "单位不存在: " + request.unitCode()));
        }
        if (request.roles().contains(null)) {
            errors.add(new InputError(line, "roles", "角色不能为空值"));
        }
        String password = UnitRequest.blankToNull(request.password());
        if (isNew && password == null) {
            errors.add(new InputError(line, "password", "新建民警必须设置初始密码"));
        } else if (password != null && password.length() < security.minPasswordLength()) {
            errors.add(new InputError(line, "password", "密码至少" + security.minPasswordLength() + "位"));
        }
    }

    /** A unit's deputy leader in charge (分管领导) is an existing officer with the role DEPUTY_LEADER. */
    private void checkLeader(Unit unit, Integer line, String field) {
        if (unit.leaderOfficerNo() == null) {
            return;
        }
        Officer leader = findOfficer(unit.leaderOfficerNo()).orElse(null);
        if (leader == null) {
            throw new InvalidInputException(List.of(new InputError(line, field, "分管领导不存在: " + unit.leaderOfficerNo())));
        }
        if (!leader.roles().contains(Role.DEPUTY_LEADER)) {
            throw new InvalidInputException(List.of(new InputError(line, field,
                    "分管领导必须是分管局领导（DEPUTY_LEADER）: " + unit.leaderOfficerNo())));
        }
    }

    private void checkParent(Unit unit, Integer line, Map<String, Unit> incoming) {
        if (unit.parentCode() == null) {
            return;
        }
        String field = line == null ? "parentCode" : "parent_code";
        if (unit.parentCode().equals(unit.code())) {
            throw new InvalidInputException(List.of(new InputError(line, field, "上级单位不能是本单位")));
        }
        Function<String, String> parentOf = code -> {
            Unit u = incoming.get(code);
            if (u == null) {
                u = mapper.findUnit(code);
            }
            return u == null ? null : u.parentCode();
        };
        if (!incoming.containsKey(unit.parentCode()) && mapper.findUnit(unit.parentCode()) == null) {
            throw new InvalidInputException(List.of(new InputError(line, field, "上级单位不存在: " + unit.parentCode())));
        }
        String seen = unit.parentCode();
        for (int depth = 0; seen != null && depth < 64; depth++) {
            if (seen.equals(unit.code())) {
                throw new InvalidInputException(List.of(new InputError(line, field, "上级单位形成循环: " + unit.code())));
            }
            seen = parentOf.apply(seen);
        }
    }

    private static List<Unit> parentsFirst(Map<String, Unit> incoming) {
        List<Unit> ordered = new ArrayList<>();
        Set<String> placed = new java.util.HashSet<>();
        while (ordered.size() < incoming.size()) {
            for (Unit unit : incoming.values()) {
                if (!placed.contains(unit.code())
                        && (unit.parentCode() == null || !incoming.containsKey(unit.parentCode())
                                || placed.contains(unit.parentCode()))) {
                    ordered.add(unit);
                    placed.add(unit.code());
                }
            }
        }
        return ordered;
    }

    private Set<Role> parseRoles(String value, int line, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : value.strip().split("[|;,\\s、]+")) {
            try {
                roles.add(Role.valueOf(code.strip().toUpperCase()));
            } catch (IllegalArgumentException e) {
                errors.add(new InputError(line, "roles", "未知角色: " + code + "，可选值: "
                        + String.join(", ", Arrays.stream(Role.values()).map(Enum::name).toList())));
            }
        }
        return roles;
    }

    private <T> void requireValid(T request, Integer line) {
        List<InputError> errors = new ArrayList<>();
        validate(request, line, errors, Map.of());
        throwIfAny(errors);
    }

    private <T> void validate(T request, Integer line, List<InputError> errors, Map<String, String> columns) {
        for (ConstraintViolation<T> v : validator.validate(request)) {
            String field = v.getPropertyPath().toString();
            errors.add(new InputError(line, columns.getOrDefault(field, field), v.getMessage()));
        }
    }

    private static void requireSameKey(String field, String inPath, String inBody) {
        if (!inPath.equals(inBody)) {
            throw new InvalidInputException(field, "路径中的编号与请求体不一致: " + inPath + " / " + inBody);
        }
    }

    private static void throwIfAny(List<InputError> errors) {
        if (!errors.isEmpty()) {
            List<InputError> byLine = new ArrayList<>(errors);
            byLine.sort(java.util.Comparator.comparing(InputError::line,
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
            throw new InvalidInputException(byLine);
        }
    }

    private static Officer toOfficer(OrganisationMapper.OfficerRow row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (row.roles() != null && !row.roles().isBlank()) {
            for (String code : row.roles().split(",")) {
                roles.add(Role.valueOf(code));
            }
        }
        return new Officer(row.officerNo(), row.name(), row.unitCode(), roles, row.dingtalkUserId(), row.mobile(),
                row.active());
    }

    /** What an import did. */
    record ImportResult(int created, int updated) {
    }
}
