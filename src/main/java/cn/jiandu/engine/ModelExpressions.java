package cn.jiandu.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean whose methods the models may call in their expressions (模型可调用的
 * 表达式对象), e.g. {@code ${deadlines.due(execution, 'signHours')}}. Besides these, a model's
 * expressions reach only the beans that are delegates or listeners ({@link ModelBeans}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModelExpressions {
}
