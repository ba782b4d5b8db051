package cn.jiandu.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/** The API reads JSON through {@link StrictJsonConverter} (Spring Boot then adds no converter of its own). */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new StrictJsonConverter(objectMapper);
    }
}
