package dev.darkroom.orchestrator.security;

import dev.darkroom.contracts.security.InternalHeaders;
import dev.darkroom.support.problems.DarkroomException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Supplies {@link TenantScope} parameters from the gateway's headers; 401 when they are missing. */
@Configuration
class TenantScopeResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == TenantScope.class;
    }

    @Override
    public TenantScope resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        String tenant = request.getHeader(InternalHeaders.TENANT_ID);
        String key = request.getHeader(InternalHeaders.API_KEY_ID);
        try {
            return new TenantScope(UUID.fromString(tenant), key == null ? null : UUID.fromString(key));
        } catch (RuntimeException e) {
            throw new DarkroomException(401, "unauthenticated", "no tenant: call this API through the gateway");
        }
    }
}
