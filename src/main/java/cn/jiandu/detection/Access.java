package cn.jiandu.detection;

import org.springframework.security.core.Authentication;

import cn.jiandu.security.CurrentUser;
import cn.jiandu.web.ForbiddenException;

/** Who may import ledgers and run the rules: the administrator and the bureau-wide roles. */
final class Access {

    private Access() {
    }

    static CurrentUser requireBureau(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.seesWholeBureau()) {
            throw new ForbiddenException("只有法制部门、局领导和系统管理员可以导入台账和运行规则检测");
        }
        return user;
    }
}
