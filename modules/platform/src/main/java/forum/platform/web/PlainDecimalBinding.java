package forum.platform.web;

import forum.platform.PlainDecimal;
import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Whole numbers in query parameters and paths are read by {@link PlainDecimal}'s rule. Spring's own reading
 * (its number editor, which a failed conversion falls back to) takes {@code 0x10}, {@code #10} and {@code +5}
 * too; an editor registered for the request's binder comes before both, so a non-plain number is a 400 that
 * names the parameter.
 * <p>
 * The editors are registered by Spring MVC's handler adapter's binding initializer, on every binder it makes,
 * after Spring Boot's own initializer (conversion service, validator). An {@code @InitBinder} method in a
 * {@code @ControllerAdvice} does the same, but costs every request a handler method object made anew (its
 * annotations read again) and a reflective call (BENCHMARKS.md, "Where a request's CPU goes").
 */
@Component
class PlainDecimalBinding implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter) {
            WebBindingInitializer defaults = adapter.getWebBindingInitializer();
            adapter.setWebBindingInitializer(binder -> {
                if (defaults != null) {
                    defaults.initBinder(binder);
                }
                plainDecimalNumbers(binder);
            });
        }
        return bean;
    }

    private static void plainDecimalNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, new Editor(PlainDecimal::parseInt, false));
        binder.registerCustomEditor(Integer.class, new Editor(PlainDecimal::parseInt, true));
        binder.registerCustomEditor(long.class, new Editor(PlainDecimal::parseLong, false));
        binder.registerCustomEditor(Long.class, new Editor(PlainDecimal::parseLong, true));
    }

    /** Text to a number by a {@link PlainDecimal} parser; empty text is null where the type allows it. */
    private static final class Editor extends PropertyEditorSupport {
        private final Function<String, ? extends Number> parser;
        private final boolean nullable;

        Editor(Function<String, ? extends Number> parser, boolean nullable) {
            this.parser = parser;
            this.nullable = nullable;
        }

        @Override
        public void setAsText(String text) {
            if (nullable && (text == null || text.isEmpty())) {
                setValue(null);
            } else {
                setValue(parser.apply(text));
            }
        }
    }
}
