package cn.jiandu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.jiandu.document.DocumentType;
import cn.jiandu.level.Level;

/**
 * 签发文书: the level's document (blue 执法建议书, yellow 纠正违法通知书, red 执法问题督办单),
 * or the one the element template's documentType names.
 */
@Component("issueDocument")
class IssueDocumentDelegate implements JavaDelegate {

    private final DocumentIssuer issuer;

    IssueDocumentDelegate(DocumentIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requested = Variables.text(execution, Rectification.DOCUMENT_TYPE);
        DocumentType type = requested == null || requested.isBlank()
                || Rectification.DOCUMENT_TYPE_AUTO.equals(requested) ? null : DocumentType.valueOf(requested);
        Level level = Variables.level(execution);
        String trigger = Variables.text(execution, Rectification.LEVEL_TRIGGER);
        if (trigger == null && level == Level.RED && execution.getVariable(Rectification.LAST_DOCUMENT_ID) == null) {
            // red from the start: public opinion or a petition made it sensitive (舆情/信访敏感)
            trigger = Rectification.TRIGGER_SENSITIVE;
        }
        execution.setVariable(Rectification.LAST_DOCUMENT_ID, issuer.issue(Variables.problemId(execution),
                level, type, Variables.text(execution, Rectification.REASON),
                Variables.text(execution, Rectification.RECTIFY_DUE_TEXT), trigger,
                Variables.text(execution, Rectification.LEVEL_TRIGGER_BY)));
        // what raised this level is told; the next level has its own cause
        execution.removeVariable(Rectification.LEVEL_TRIGGER);
        execution.removeVariable(Rectification.LEVEL_TRIGGER_BY);
    }
}
