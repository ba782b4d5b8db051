package cn.jiandu.problem;

import java.util.List;

/**
 * The public's tickets (群众诉求) a problem was registered from or merged with, as the
 * problem's API and page show them. Provided by the intake capability, which knows the
 * problem and not the other way round.
 */
public interface ProblemIntakes {

    /** A ticket linked to a problem: its intake id, channel and ticket number. */
    record Link(long id, String source, String ticketNo) {
    }

    List<Link> of(long problemId);
}
