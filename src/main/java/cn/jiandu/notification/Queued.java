package cn.jiandu.notification;

import java.time.Instant;
import java.util.List;

/**
 * What {@link Notifications#problemStep} put into the outbox: the message's key, the names of
 * those it goes to (none when every one had it already), when it goes out, and whether that
 * waits for the end of the quiet hours.
 */
public record Queued(String messageKey, List<String> recipients, Instant sendAt, boolean deferred) {

    public int count() {
        return recipients.size();
    }
}
