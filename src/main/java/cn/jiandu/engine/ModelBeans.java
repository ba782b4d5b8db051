package cn.jiandu.engine;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

/**
 * The beans a model's expressions may name (模型可调用的对象): delegates and listeners
 * ({@code camunda:delegateExpression="${issueDocument}"}) and the beans marked
 * {@link ModelExpressions}. Camunda's Spring integration would otherwise hand every bean of
 * the application to every expression, so that a model deployed by a process owner
 * (流程管理员) could call the services behind the Tasklist (a flow's condition
 * {@code ${problemService…}}): an unknown name now fails the expression ("Unknown property
 * used in expression") as a misspelt variable does.
 */
@Component
class ModelBeans extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    ModelBeans(ApplicationContext context) {
        this.context = context;
    }

    /**
     * Spring's factory bean made the expression manager with every bean before the plugins
     * run: it is made again over the visible ones; the same map keeps the scripts' bean
     * resolver away.
     */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Visible beans = new Visible(context);
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
    }

    /** Whether a bean of this type may be named in a model's expressions. */
    static boolean visible(Class<?> type) {
        return type != null && (JavaDelegate.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type)
                || TaskListener.class.isAssignableFrom(type)
                || AnnotatedElementUtils.hasAnnotation(type, ModelExpressions.class));
    }

    /**
     * The application's beans as the expressions see them: looked up when named (the engine is
     * built before most beans are), only those {@link #visible}; never listed.
     */
    static final class Visible extends AbstractMap<Object, Object> {

        private final ApplicationContext context;
        private final Map<String, Boolean> checked = new ConcurrentHashMap<>();

        Visible(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && checked.computeIfAbsent(name,
                    n -> context.containsBean(n) && visible(context.getType(n)));
        }

        @Override
        public Object get(Object key) {
            return containsKey(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return Set.of();
        }
    }
}
