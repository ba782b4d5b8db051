package cn.jiandu.notification;

import org.springframework.stereotype.Component;

import cn.jiandu.notification.dingtalk.DingTalkClient;
import cn.jiandu.notification.dingtalk.DingTalkException;
import cn.jiandu.notification.dingtalk.DingTalkProperties;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.security.DingTalkSignIn;
import cn.jiandu.security.DingTalkSignIn.Reason;
import cn.jiandu.security.DingTalkSignIn.Refused;

/**
 * 免登 for the login (security's {@link DingTalkSignIn}): the app's CorpId and AppKey for the
 * page, and an auth code exchanged with DingTalk (getuserinfo) for the one active officer who
 * carries that DingTalk user id. The code is never logged.
 */
@Component
class DingTalkLogins implements DingTalkSignIn {

    private final DingTalkProperties properties;
    private final DingTalkClient dingtalk;
    private final OrganisationService organisation;

    DingTalkLogins(DingTalkProperties properties, DingTalkClient dingtalk, OrganisationService organisation) {
        this.properties = properties;
        this.dingtalk = dingtalk;
        this.organisation = organisation;
    }

    @Override
    public String corpId() {
        return properties.corpId();
    }

    @Override
    public String clientId() {
        return properties.appKey() == null ? "" : properties.appKey();
    }

    @Override
    public String userIdFor(String authCode) {
        if (!properties.loginConfigured()) {
            throw new Refused(Reason.NOT_CONFIGURED,
                    "set jiandu.dingtalk.corp-id, app-key, app-secret and agent-id for 免登");
        }
        String dingtalkUserId;
        try {
            dingtalkUserId = dingtalk.userIdForAuthCode(authCode);
        } catch (IllegalArgumentException e) {
            throw new Refused(Reason.MISSING_CODE, "no code posted");
        } catch (DingTalkException e) {
            throw refusal(e);
        }
        Officer officer = organisation.findActiveOfficerOnDingTalk(dingtalkUserId).orElseThrow(() -> new Refused(
                Reason.NOT_AN_OFFICER, "DingTalk user " + dingtalkUserId
                        + " is no active officer's (none, or more than one, carries that DingTalk user id)"));
        return officer.officerNo();
    }

    /** What DingTalk's failure means for the person: his code, or DingTalk (reachable or not). */
    static Refused refusal(DingTalkException e) {
        Integer errcode = e.errcode();
        if (errcode != null && (errcode == DingTalkClient.UNKNOWN_AUTH_CODE || errcode == 40035)) {
            return new Refused(Reason.INVALID_CODE, "DingTalk does not take the code: " + e.getMessage(), e);
        }
        if (errcode == null || e.retryable()) {
            return new Refused(Reason.DINGTALK_UNAVAILABLE, e.getMessage(), e);
        }
        return new Refused(Reason.DINGTALK_REFUSED, e.getMessage(), e);
    }
}
