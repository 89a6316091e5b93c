// The archetype plugin does not keep file modes: make the generated project's launchers executable.
def project = new File(request.outputDirectory, request.artifactId)
['mvnw', 'with-jdk'].each { name ->
    def file = new File(project, name)
    if (!file.setExecutable(true, false)) {
        throw new IllegalStateException("could not make ${file} executable")
    }
}
