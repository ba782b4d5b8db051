package cn.jiandu.problem;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.time.Times;

/** The records of a problem's talk reminders and leadership interviews (谈话提醒记录、约谈记录). */
@Service
public class TalkRecords {

    private final TalkMapper mapper;

    TalkRecords(TalkMapper mapper) {
        this.mapper = mapper;
    }

    /** Stores the record in the caller's transaction (the task's completion); its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long add(NewTalk talk) {
        TalkMapper.TalkRow row = new TalkMapper.TalkRow(talk);
        mapper.insert(row);
        return row.id;
    }

    /** The problem's records, oldest first. */
    @Transactional(readOnly = true)
    public List<TalkRecord> forProblem(long problemId) {
        return mapper.findByProblem(problemId).stream()
                .map(s -> new TalkRecord(s.id(), s.kind(), Times.china(s.heldAt()), s.participants(), s.record(),
                        s.measures(), s.accountability(), s.recordedBy(), s.documentId()))
                .toList();
    }
}
