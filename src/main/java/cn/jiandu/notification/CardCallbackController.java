package cn.jiandu.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.notification.dingtalk.CallbackCrypto;
import cn.jiandu.notification.dingtalk.DingTalkCardProperties;

/**
 * DingTalk's HTTP callback of interactive cards (jiandu.dingtalk.callback.mode=HTTP): no login
 * (DingTalk calls it), verified instead as DingTalk signs it (msg_signature over token,
 * timestamp, nonce and the encrypted body; the body decrypts with the aes key and names this
 * app). A call not so signed is refused (401) and stores nothing. The press goes to the same
 * handler as Stream's and is answered at once with the encrypted "success".
 */
@RestController
@Tag(name = "钉钉回调", description = "钉钉互动卡片的回调（钉钉调用，按钉钉的签名校验）")
class CardCallbackController {

    static final String PATH = "/api/dingtalk/callback";
    private static final Logger log = LoggerFactory.getLogger(CardCallbackController.class);
    /** DingTalk signs with its clock: a call stamped further off than this is a replay. */
    private static final long MAX_SKEW_MILLIS = 3_600_000L;

    private final CardCallbacks callbacks;
    private final DingTalkCardProperties properties;
    private final ObjectMapper json;

    CardCallbackController(CardCallbacks callbacks, DingTalkCardProperties properties, ObjectMapper json) {
        this.callbacks = callbacks;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping(PATH)
    @Operation(summary = "钉钉互动卡片回调（HTTP 模式）：加密并签名的按钮操作，先存后办，立即应答")
    ResponseEntity<Object> callback(@RequestParam(name = "msg_signature", required = false) String msgSignature,
            @RequestParam(name = "signature", required = false) String signature,
            @RequestParam(name = "timestamp", required = false) String timestampParam,
            @RequestParam(name = "timeStamp", required = false) String timeStamp,
            @RequestParam(required = false) String nonce, @RequestBody(required = false) String body) {
        // DingTalk names it either way (its DingCallbackCrypto's example reads both)
        String timestamp = timestampParam != null ? timestampParam : timeStamp;
        if (!properties.callback().httpConfigured()) {
            return refuse(HttpStatus.FORBIDDEN, "未配置钉钉 HTTP 回调（jiandu.dingtalk.callback.token、aes-key）");
        }
        CallbackCrypto crypto = new CallbackCrypto(properties.callback().token(), properties.callback().aesKey(),
                properties.appKey());
        String encrypt;
        try {
            encrypt = body == null ? null : json.readTree(body).path("encrypt").asText(null);
        } catch (JsonProcessingException e) {
            encrypt = null;
        }
        String message;
        try {
            if (timestamp == null || !timestamp.matches("\\d{1,15}")
                    || Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > MAX_SKEW_MILLIS) {
                throw new CallbackCrypto.BadCallback("timestamp missing or too far from now");
            }
            message = crypto.decrypt(msgSignature != null ? msgSignature : signature, timestamp, nonce, encrypt);
        } catch (CallbackCrypto.BadCallback e) {
            log.warn("Refused a DingTalk callback: {}", e.getMessage());
            return refuse(HttpStatus.UNAUTHORIZED, "回调签名校验未通过");
        }
        JsonNode callback;
        try {
            callback = json.readTree(message);
        } catch (JsonProcessingException e) {
            callback = null;
        }
        callbacks.receive(callback, CardCallbacks.Transport.HTTP);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(crypto.encrypt("success", System.currentTimeMillis()));
    }

    private static ResponseEntity<Object> refuse(HttpStatus status, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle(status == HttpStatus.UNAUTHORIZED ? "未通过钉钉签名校验" : "未配置钉钉回调");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
