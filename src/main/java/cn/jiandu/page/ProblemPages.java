package cn.jiandu.page;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import cn.jiandu.level.Level;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.ProblemViews;
import cn.jiandu.problem.Registration;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.text.ChineseDates;
import cn.jiandu.time.Times;
import cn.jiandu.web.ForbiddenException;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;
import cn.jiandu.web.Page;

/**
 * The problem pages for people (HTML, Chinese): a problem (GET /problems/{id}), the list
 * (GET /problems) and registration (GET/POST /problems/new). The same rules as the API: an
 * officer sees his unit's problems only (another unit's: 404), the legal department and the
 * leaders register. Errors answer as pages, never as an engine's or a framework's text.
 */
@Controller
class ProblemPages {

    static final int PAGE_SIZE = 20;
    private static final int MAX_QUERY = 100;

    private final ProblemPage problemPage;
    private final ProblemService problems;
    private final ProblemViews views;
    private final OrganisationService organisation;
    private final PageRenderer pages;

    ProblemPages(ProblemPage problemPage, ProblemService problems, ProblemViews views,
            OrganisationService organisation, PageRenderer pages) {
        this.problemPage = problemPage;
        this.problems = problems;
        this.views = views;
        this.organisation = organisation;
        this.pages = pages;
    }

    /** A row of the list. */
    public record Row(long id, String title, String level, String levelText, String status, String unit,
            String deadline, String registeredAt) {
    }

    /** A choice of a select: its value, its text, whether chosen. */
    public record Choice(String value, String text, boolean selected) {
    }

    /** The officers of one unit, for the registration's officer select. */
    public record OfficerGroup(String unitCode, String unitName, List<Choice> officers) {
    }

    @GetMapping("/problems/{id}")
    ResponseEntity<String> problem(@PathVariable long id, Authentication authentication, HttpServletRequest request) {
        return pages.page(HttpStatus.OK, "problem.ftl", problemPage.model(id, CurrentUser.of(authentication)),
                request);
    }

    @GetMapping("/problems")
    ResponseEntity<String> list(@RequestParam(required = false) String unit,
            @RequestParam(required = false) String level, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(required = false) String page,
            Authentication authentication, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(authentication);
        List<InputError> errors = new ArrayList<>();
        String unitCode = blankToNull(unit);
        Level chosenLevel = parse(Level.class, level, "level", "预警等级", errors);
        ProblemStatus chosenStatus = parse(ProblemStatus.class, status, "status", "状态", errors);
        String text = blankToNull(q);
        if (text != null && text.length() > MAX_QUERY) {
            errors.add(InputError.of("q", "搜索词最长" + MAX_QUERY + "字"));
        }
        int pageNo = 0;
        if (page != null && !page.isBlank()) {
            try {
                pageNo = Integer.parseInt(page.strip()) - 1;
            } catch (NumberFormatException e) {
                pageNo = -1;
            }
            if (pageNo < 0 || pageNo > 100_000) {
                errors.add(InputError.of("page", "页码应为1至100000的整数"));
            }
        }
        if (!user.seesWholeBureau()) {
            if (unitCode != null && !unitCode.equals(user.unitCode())) {
                errors.add(InputError.of("unit", "只能查看本单位的问题"));
            }
            unitCode = user.unitCode();
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Page<Problem> found = user.seesWholeBureau() || unitCode != null
                ? problems.page(unitCode, chosenLevel, chosenStatus, text, pageNo, PAGE_SIZE)
                : new Page<>(List.of(), pageNo, PAGE_SIZE, 0);
        People people = new People(organisation);
        List<Row> rows = found.items().stream().map(p -> new Row(p.id(), p.title(),
                p.level() == null ? "NONE" : p.level().name(), p.level() == null ? "未定级" : p.level().label() + "预警",
                p.status().label(), people.unitName(p.unitCode()),
                p.deadline() == null ? "" : ChineseDates.dateTime(p.deadline().atZone(Times.CHINA)),
                ChineseDates.dateTime(p.createdAt().atZone(Times.CHINA)))).toList();
        long pagesTotal = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows);
        model.put("total", found.total());
        model.put("pageNo", pageNo + 1);
        model.put("pages", pagesTotal);
        model.put("seesBureau", user.seesWholeBureau());
        model.put("mayRegister", ProblemViews.mayRegister(user));
        model.put("units", user.seesWholeBureau() ? unitChoices(unitCode) : List.of());
        model.put("levels", List.of(Level.values()).stream()
                .map(l -> new Choice(l.name(), l.label() + "预警", l == chosenLevel)).toList());
        model.put("statuses", List.of(ProblemStatus.values()).stream()
                .map(s -> new Choice(s.name(), s.label(), s == chosenStatus)).toList());
        model.put("q", text == null ? "" : text);
        model.put("query", query(user.seesWholeBureau() ? unitCode : null, chosenLevel, chosenStatus, text));
        return pages.page(HttpStatus.OK, "problems.ftl", model, request);
    }

    @GetMapping("/problems/new")
    ResponseEntity<String> registrationForm(Authentication authentication, HttpServletRequest request) {
        requireRegistrar(CurrentUser.of(authentication));
        return form(HttpStatus.OK, Map.of(), Map.of(), request);
    }

    @PostMapping("/problems/new")
    ResponseEntity<String> register(@RequestParam Map<String, String> form, Authentication authentication,
            HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(authentication);
        requireRegistrar(user);
        Map<String, String> errors = new LinkedHashMap<>();
        java.time.Instant occurredAt = null;
        String occurred = blankToNull(form.get("occurredAt"));
        if (occurred != null) {
            try {
                occurredAt = LocalDateTime.parse(occurred).atZone(Times.CHINA).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("occurredAt", "发生时间格式不正确，请用日期时间选择器填写");
            }
        }
        String source = blankToNull(form.get("source"));
        String category = blankToNull(form.get("category"));
        String unitCode = blankToNull(form.get("unitCode"));
        if (source == null) {
            errors.put("source", "请选择问题来源");
        }
        if (category == null) {
            errors.put("category", "请选择问题类别");
        }
        if (unitCode == null) {
            errors.put("unitCode", "请选择责任单位");
        }
        if (errors.isEmpty()) {
            try {
                Problem problem = views.register(new Registration(source, category, unitCode,
                        blankToNull(form.get("officerNo")), form.get("title"), form.get("description"), occurredAt,
                        "on".equals(form.get("sensitive")) || "true".equals(form.get("sensitive")), null, null,
                        user.userId()), user);
                return ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .header("Location", "/problems/" + problem.id()).build();
            } catch (InvalidInputException e) {
                for (InputError error : e.errors()) {
                    errors.putIfAbsent(error.field(), formMessage(error));
                }
            }
        }
        return form(HttpStatus.BAD_REQUEST, form, errors, request);
    }

    private ResponseEntity<String> form(HttpStatus status, Map<String, String> values, Map<String, String> errors,
            HttpServletRequest request) {
        String unit = values.getOrDefault("unitCode", "");
        String officer = values.getOrDefault("officerNo", "");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("sources", problems.activeSources().stream()
                .map(s -> new Choice(s.code(), s.name(), s.code().equals(values.get("source")))).toList());
        model.put("categories", problems.categories().stream()
                .map(c -> new Choice(c.code(), c.name(), c.code().equals(values.get("category")))).toList());
        model.put("units", unitChoices(unit));
        List<OfficerGroup> groups = new ArrayList<>();
        Map<String, List<Choice>> byUnit = new LinkedHashMap<>();
        for (Officer o : organisation.officers(null, null)) {
            if (o.active()) {
                byUnit.computeIfAbsent(o.unitCode(), k -> new ArrayList<>())
                        .add(new Choice(o.officerNo(), o.name() + "（" + o.officerNo() + "）", o.officerNo().equals(officer)));
            }
        }
        for (Unit u : organisation.units()) {
            List<Choice> officers = byUnit.get(u.code());
            if (officers != null) {
                groups.add(new OfficerGroup(u.code(), u.name(), officers));
            }
        }
        model.put("officerGroups", groups);
        model.put("values", values);
        model.put("errors", errors);
        model.put("errorCount", errors.size());
        return pages.page(status, "new.ftl", model, request);
    }

    private List<Choice> unitChoices(String chosen) {
        return organisation.units().stream().map(u -> new Choice(u.code(), u.name(), u.code().equals(chosen)))
                .toList();
    }

    /** The service's message without its pointer to the API's reference lists. */
    private static String formMessage(InputError error) {
        String message = error.message();
        int api = message.indexOf("，见 GET ");
        return api < 0 ? message : message.substring(0, api);
    }

    private static void requireRegistrar(CurrentUser user) {
        if (!ProblemViews.mayRegister(user)) {
            throw new ForbiddenException("只有法制部门和局领导可以登记执法问题");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String label,
            List<InputError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            errors.add(InputError.of(field, "未知的" + label));
            return null;
        }
    }

    private static String query(String unit, Level level, ProblemStatus status, String q) {
        StringBuilder s = new StringBuilder();
        Optional.ofNullable(unit).ifPresent(u -> s.append("&unit=").append(encode(u)));
        Optional.ofNullable(level).ifPresent(l -> s.append("&level=").append(l.name()));
        Optional.ofNullable(status).ifPresent(x -> s.append("&status=").append(x.name()));
        Optional.ofNullable(q).ifPresent(x -> s.append("&q=").append(encode(x)));
        return s.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e, HttpServletRequest request) {
        return pages.message(HttpStatus.NOT_FOUND, "未找到", "问题不存在，或您无权查看。", request);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<String> forbidden(ForbiddenException e, HttpServletRequest request) {
        return pages.message(HttpStatus.FORBIDDEN, "无权操作", e.getMessage(), request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> invalid(InvalidInputException e, HttpServletRequest request) {
        return pages.message(HttpStatus.BAD_REQUEST, "输入有误",
                String.join("；", e.errors().stream().map(InputError::message).toList()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return pages.message(HttpStatus.NOT_FOUND, "未找到", "没有这个页面：问题编号应为数字。", request);
    }
}
