// The generated project builds with its README's command where the default java is older than
// 21: a shell whose PATH finds only the system's java and whose JAVA_HOME is unset.
// the archetype plugin hands the generated project's directory over in the 'context' map
def project = context.projectDir as File
['mvnw', 'with-jdk'].each { name ->
    assert new File(project, name).canExecute() : "${name} is executable"
}
new File(project, 'target').deleteDir() // what the goals built before: the command below must build it again
// offline, with the settings of the build running this test, whose downloads it reuses
def settings = new File(System.getProperty('maven.multiModuleProjectDirectory'), '.mvn/settings.xml')
def command = ['env', '-u', 'JAVA_HOME', 'PATH=/usr/bin:/bin', './with-jdk', './mvnw', '-o', '-B', '-q',
               '-s', settings.path, '-DskipTests', 'package']
def process = new ProcessBuilder(command).directory(project).redirectErrorStream(true).start()
def output = process.inputStream.text
assert process.waitFor() == 0 : "${command.join(' ')} failed:\n${output}"
assert new File(project, 'target').listFiles().any { it.name.endsWith('.war') } : "a WAR in ${project}/target"
true
