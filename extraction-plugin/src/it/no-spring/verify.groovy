String log = new File(basedir, 'build.log').text
List<String> errors = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert errors.size() == 1 : errors
assert errors[0].contains(':modules (default) on project plain: The project has no Spring Boot and no Spring Modulith'
        + ' dependency (neither org.springframework.boot:spring-boot nor an org.springframework.modulith artifact among its'
        + ' dependencies): the extraction plugin reads the modules of a Spring Boot application with Spring Modulith, and'
        + ' this project is none: add them (spring-boot-starter, spring-modulith-starter-core), or leave the plugin out of'
        + " this project's build") : errors[0]
assert !log.contains('annotate it') && !log.contains('Spring Modulith cannot read modules')
return true
