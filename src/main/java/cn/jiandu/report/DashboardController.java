package cn.jiandu.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard (数据大屏): its JSON, and its page (static/dashboard/, behind the same
 * login as the API) at /dashboard/.
 */
@RestController
@Tag(name = "数据大屏", description = "在办问题、趋势、排名、超期、整改率")
class DashboardController {

    private final DashboardService dashboard;

    DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "数据大屏：在办问题按等级、近30日趋势、本月单位积分排名、超期问题、本月整改率")
    DashboardView now() {
        return dashboard.now();
    }

    /** /dashboard and /dashboard/ open the page (static/dashboard/index.html). */
    @Configuration(proxyBeanMethods = false)
    static class Page implements WebMvcConfigurer {
        @Override
        public void addViewControllers(ViewControllerRegistry registry) {
            registry.addRedirectViewController("/dashboard", "/dashboard/");
            registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
        }
    }
}
