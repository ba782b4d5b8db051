package cn.jiandu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.jiandu.problem.TimelineText;

/** The steps of a transfer request (申请改派) after the legal officer's decision. */
final class TransferDelegates {

    private TransferDelegates() {
    }

    /** 改派责任单位: the problem, its clocks and its document go to the unit the legal officer named. */
    @Component("transferProblem")
    static class Transfer implements JavaDelegate {
        private final Transfers transfers;

        Transfer(Transfers transfers) {
            this.transfers = transfers;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Object lastDocument = execution.getVariable(Rectification.LAST_DOCUMENT_ID);
            Transfers.Moved moved = transfers.move(Variables.problemId(execution), Variables.level(execution),
                    Variables.text(execution, Rectification.DEADLINE_RULES),
                    Variables.text(execution, Rectification.TRANSFER_UNIT_CODE),
                    lastDocument instanceof Number n ? n.longValue() : null);
            execution.setVariables(moved.clocks().variables());
            execution.setVariable(Rectification.UNIT_CODE, moved.unitCode());
            execution.setVariable(Rectification.UNIT_NAME, moved.unitName());
            execution.setVariable(Rectification.LAST_DOCUMENT_ID, moved.documentId());
            // the new unit has asked nothing yet
            execution.setVariable(Rectification.TRANSFER_REJECTIONS, 0);
        }
    }

    /**
     * 驳回改派申请: counts the unit's rejected requests; the reason a raise would quote
     * (推诿扯皮) is set with it, the model decides whether it raises.
     */
    @Component("countTransferRejection")
    static class CountRejection implements JavaDelegate {
        private final Transfers transfers;

        CountRejection(Transfers transfers) {
            this.transfers = transfers;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Object count = execution.getVariable(Rectification.TRANSFER_REJECTIONS);
            execution.setVariable(Rectification.TRANSFER_REJECTIONS, (count instanceof Number n ? n.intValue() : 0) + 1);
            execution.setVariable(Rectification.RAISE_REASON, TimelineText.text("timeline.reason.shirking",
                    transfers.unitName(Variables.text(execution, Rectification.UNIT_CODE))));
        }
    }
}
