package cn.jiandu.escalation;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link TodoTasks} to every user task of every model the engine parses, those a
 * process owner deploys later included, so that no model has to name it. Create, assignment,
 * update and complete run after the model's own listeners (the task is named by then); delete
 * is a built-in listener, which the engine calls even when a process instance is deleted
 * without custom listeners (作废).
 */
@Component
class TodoTaskPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TodoTasks> listener;

    TodoTaskPlugin(ObjectProvider<TodoTasks> listener) {
        this.listener = listener;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        // looked up when a task event comes: the listener's beans need the engine that is being built
        TaskListener todos = task -> listener.getObject().notify(task);
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
                    return;
                }
                TaskDefinition definition = behavior.getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, todos);
                definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, todos);
                definition.addTaskListener(TaskListener.EVENTNAME_UPDATE, todos);
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, todos);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, todos);
            }
        });
    }
}
