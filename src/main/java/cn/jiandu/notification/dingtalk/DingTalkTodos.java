package cn.jiandu.notification.dingtalk;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.aliyun.dingtalktodo_1_0.Client;
import com.aliyun.dingtalktodo_1_0.models.CreateTodoTaskHeaders;
import com.aliyun.dingtalktodo_1_0.models.CreateTodoTaskRequest;
import com.aliyun.dingtalktodo_1_0.models.CreateTodoTaskResponse;
import com.aliyun.dingtalktodo_1_0.models.DeleteTodoTaskHeaders;
import com.aliyun.dingtalktodo_1_0.models.DeleteTodoTaskRequest;
import com.aliyun.dingtalktodo_1_0.models.GetTodoTaskBySourceIdHeaders;
import com.aliyun.dingtalktodo_1_0.models.GetTodoTaskBySourceIdResponse;
import com.aliyun.dingtalktodo_1_0.models.UpdateTodoTaskHeaders;
import com.aliyun.dingtalktodo_1_0.models.UpdateTodoTaskRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teautil.models.RuntimeOptions;

/**
 * DingTalk's to-dos (待办, {@code todo_1.0}) through the official SDK, on the new API's host
 * with the app's access token ({@code x-acs-dingtalk-access-token}); permission
 * {@code Todo.Todo.Write}. People are named by unionId. Each call is metered and counted in
 * {@link DingTalkQuota}; failures are {@link DingTalkException}s saying whether to retry.
 */
@Component
public class DingTalkTodos {

    private final ApiPace pace;

    /** DingTalk's "too many at once" or its busy answers: worth another try later. */
    private static final List<String> RETRYABLE_CODES = List.of("Throttling", "ServiceUnavailable", "SystemBusy");

    /** A to-do as DingTalk has it. */
    public record RemoteTodo(String id, String sourceId, boolean done) {
    }

    /**
     * What a new to-do says.
     *
     * @param executorUnionIds who should act on it (执行者), at most 100
     * @param dueMillis epoch milliseconds, or null
     * @param priority 10 low, 20 normal, 30 urgent, 40 very urgent; null: DingTalk's default
     */
    public record NewTodo(String sourceId, String subject, String description, Long dueMillis,
            List<String> executorUnionIds, String url, Integer priority) {
    }

    private final DingTalkClient dingtalk;
    private final DingTalkQuota quota;
    private final Client client;
    private final int timeoutMillis;

    DingTalkTodos(DingTalkClient dingtalk, DingTalkEndpoints endpoints, DingTalkProperties properties,
            DingTalkQuota quota, ApiPace pace) {
        this.pace = pace;
        this.dingtalk = dingtalk;
        this.quota = quota;
        this.timeoutMillis = Math.toIntExact(properties.timeout().toMillis());
        try {
            this.client = new Client(SdkTokenSource.config(endpoints.apiBaseUrl(), timeoutMillis));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create DingTalk's to-do SDK client", e);
        }
    }

    /** A person's unionId from his DingTalk userId (not metered). */
    public String unionId(String userId) {
        return dingtalk.unionId(userId);
    }

    /** The to-do made for {@code sourceId} by {@code unionId}, if there is one (metered: todo.get). */
    public Optional<RemoteTodo> findBySource(String unionId, String sourceId) {
        quota.count("todo.get");
        try {
            GetTodoTaskBySourceIdResponse response = call("todo.get", token -> client.getTodoTaskBySourceIdWithOptions(
                    unionId, sourceId, new GetTodoTaskBySourceIdHeaders().setXAcsDingtalkAccessToken(token), runtime()));
            var body = response.getBody();
            if (body == null || body.getId() == null) {
                return Optional.empty();
            }
            return Optional.of(new RemoteTodo(body.getId(), body.getSourceId(), Boolean.TRUE.equals(body.getDone())));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /**
     * Creates the to-do as {@code creatorUnionId} (creator and operator); its id at DingTalk.
     *
     * @throws DingTalkException not retryable with errcode-less message "task exist" when the
     *         sourceId has a to-do already (see {@link #isAlreadyThere(DingTalkException)})
     */
    public String create(String creatorUnionId, NewTodo todo) {
        quota.count("todo.create");
        CreateTodoTaskRequest request = new CreateTodoTaskRequest().setOperatorId(creatorUnionId)
                .setCreatorId(creatorUnionId).setSourceId(todo.sourceId()).setSubject(todo.subject())
                .setDescription(todo.description()).setDueTime(todo.dueMillis())
                .setExecutorIds(todo.executorUnionIds()).setIsOnlyShowExecutor(true)
                .setDetailUrl(new CreateTodoTaskRequest.CreateTodoTaskRequestDetailUrl().setAppUrl(todo.url())
                        .setPcUrl(todo.url()));
        if (todo.priority() != null) {
            request.setPriority(todo.priority());
        }
        try {
            CreateTodoTaskResponse response = call("todo.create", token -> client.createTodoTaskWithOptions(
                    creatorUnionId, request, new CreateTodoTaskHeaders().setXAcsDingtalkAccessToken(token), runtime()));
            String id = response.getBody() == null ? null : response.getBody().getId();
            if (id == null || id.isBlank()) {
                throw new DingTalkException("DingTalk todo.create answered without an id", null, true);
            }
            return id;
        } catch (NotFound e) {
            throw new DingTalkException("DingTalk todo.create: " + e.getMessage(), null, false);
        }
    }

    /**
     * Marks the to-do done for everyone (metered: todo.update); false when it is gone at
     * DingTalk (deleted there): nothing is left to mark.
     */
    public boolean markDone(String operatorUnionId, String todoId) {
        quota.count("todo.update");
        UpdateTodoTaskRequest request = new UpdateTodoTaskRequest().setOperatorId(operatorUnionId).setDone(true);
        try {
            call("todo.update", token -> client.updateTodoTaskWithOptions(operatorUnionId, todoId, request,
                    new UpdateTodoTaskHeaders().setXAcsDingtalkAccessToken(token), runtime()));
            return true;
        } catch (NotFound e) {
            return false;
        }
    }

    /** Changes an open to-do's subject, description, due time and executors (metered: todo.update). */
    public void update(String operatorUnionId, String todoId, NewTodo todo) {
        quota.count("todo.update");
        UpdateTodoTaskRequest request = new UpdateTodoTaskRequest().setOperatorId(operatorUnionId)
                .setSubject(todo.subject()).setDescription(todo.description()).setDueTime(todo.dueMillis())
                .setExecutorIds(todo.executorUnionIds());
        try {
            call("todo.update", token -> client.updateTodoTaskWithOptions(operatorUnionId, todoId, request,
                    new UpdateTodoTaskHeaders().setXAcsDingtalkAccessToken(token), runtime()));
        } catch (NotFound e) {
            throw new DingTalkException("DingTalk todo.update: the to-do is gone: " + e.getMessage(), null, false);
        }
    }

    /** Deletes the to-do; one that is gone already counts as deleted (metered: todo.delete). */
    public void delete(String operatorUnionId, String todoId) {
        quota.count("todo.delete");
        DeleteTodoTaskRequest request = new DeleteTodoTaskRequest().setOperatorId(operatorUnionId);
        try {
            call("todo.delete", token -> client.deleteTodoTaskWithOptions(operatorUnionId, todoId, request,
                    new DeleteTodoTaskHeaders().setXAcsDingtalkAccessToken(token), runtime()));
        } catch (NotFound e) {
            // deleted before: what was wanted
        }
    }

    /** Whether a create failed because the sourceId has its to-do already (an earlier attempt made it). */
    /**
     * DingTalk refused the call for its rate (HTTP 429, QpsOverLimit: 20 calls a second per
     * to-do API for the whole app): nothing wrong with the call, it may go again in a moment.
     */
    public static boolean isThrottled(DingTalkException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("QpsOverLimit") || message.contains("HTTP 429");
    }

    public static boolean isAlreadyThere(DingTalkException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("task exist") || message.contains("taskCreate.lockError");
    }

    @FunctionalInterface
    private interface Call<T> {
        T with(String token) throws Exception;
    }

    /** DingTalk's "no such to-do" (HTTP 404). */
    private static final class NotFound extends Exception {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** Makes the call with the app's token; a refused token is renewed and the call made once more. */
    private <T> T call(String api, Call<T> call) throws NotFound {
        pace.acquire(api);
        String token = dingtalk.accessToken();
        try {
            return call.with(token);
        } catch (TeaException e) {
            if (isTokenError(e)) {
                dingtalk.invalidateToken(token);
                try {
                    return call.with(dingtalk.accessToken());
                } catch (TeaException again) {
                    throw translate(api, again);
                } catch (Exception again) {
                    throw transport(api, again);
                }
            }
            throw translate(api, e);
        } catch (DingTalkException e) {
            throw e;
        } catch (Exception e) {
            throw transport(api, e);
        }
    }

    private static boolean isTokenError(TeaException e) {
        Integer status = e.getStatusCode();
        String code = e.getCode() == null ? "" : e.getCode();
        return status != null && status == 401 || code.contains("InvalidAuthentication") || code.contains("token");
    }

    /** DingTalk's answer with an HTTP error status: 404 none such, 429/5xx and throttling later, other 4xx never. */
    private static RuntimeException translate(String api, TeaException e) throws NotFound {
        Integer status = e.getStatusCode();
        String code = e.getCode() == null ? "" : e.getCode();
        String message = "DingTalk " + api + " failed: HTTP " + status + " " + code + " (" + e.getMessage() + ")";
        if (status != null && status == 404) {
            throw new NotFound(message);
        }
        boolean retryable = status == null || status >= 500 || status == 429
                || RETRYABLE_CODES.stream().anyMatch(code::contains);
        return new DingTalkException(message, null, retryable, e);
    }

    private static DingTalkException transport(String api, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new DingTalkException("DingTalk " + api + " failed: " + root.getClass().getSimpleName() + ": "
                + root.getMessage(), null, true, e);
    }

    private RuntimeOptions runtime() {
        // no retries inside the SDK: the outbox decides when to try again
        RuntimeOptions runtime = new RuntimeOptions();
        runtime.setAutoretry(false);
        runtime.setMaxAttempts(1);
        runtime.setConnectTimeout(timeoutMillis);
        runtime.setReadTimeout(timeoutMillis);
        return runtime;
    }
}
