package cn.jiandu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.jiandu.document.DocumentType;

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
        execution.setVariable(Rectification.LAST_DOCUMENT_ID, issuer.issue(Variables.problemId(execution),
                Variables.level(execution), type, Variables.text(execution, Rectification.REASON),
                Variables.text(execution, Rectification.RECTIFY_DUE_TEXT)));
    }
}
