package dev.darkroom.falsim.auth;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Key auth covers what fal guards with the API key: the queue, the REST storage calls and the platform API. The JWKS, CDN downloads
 * and signed upload URLs are public, as on fal.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfig implements WebMvcConfigurer {

    private final AuthProperties properties;

    AuthConfig(AuthProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KeyAuthInterceptor(properties))
                .addPathPatterns("/queue/**", "/rest/storage/**", "/api/**");
    }
}
