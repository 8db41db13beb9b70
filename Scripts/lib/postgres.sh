# A local PostgreSQL server for the study-group tests. `start_test_postgres` installs and starts
# one when it can (root or passwordless sudo, with apt), makes a test role and database, and
# exports LLMCOURSE_TEST_POSTGRES (a postgres:// URL). When it cannot, it says why and returns 0:
# the PostgreSQL tests are then skipped with that reason, the others still run.
# An LLMCOURSE_TEST_POSTGRES already set is used as it is (any server you point it at).

TEST_POSTGRES_ROLE=llmcourse_test
TEST_POSTGRES_PASSWORD=llmcourse_test

start_test_postgres() {
    if [ -n "${LLMCOURSE_TEST_POSTGRES:-}" ]; then
        echo "PostgreSQL tests: using the server in LLMCOURSE_TEST_POSTGRES"
        return 0
    fi
    local sudo="" as_postgres
    if [ "$(id -u)" -eq 0 ]; then
        as_postgres=(runuser -u postgres --)
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        sudo="sudo -n"
        as_postgres=(sudo -n -u postgres)
    else
        echo "PostgreSQL tests skipped: installing and starting a local server needs root or passwordless sudo;" \
             "set LLMCOURSE_TEST_POSTGRES=postgres://user:password@host:5432/database to use another server"
        return 0
    fi
    if ! command -v pg_lsclusters >/dev/null || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
        if ! command -v apt-get >/dev/null; then
            echo "PostgreSQL tests skipped: no apt-get to install the postgresql package"
            return 0
        fi
        echo "Installing: postgresql"
        if ! { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
            echo "PostgreSQL tests skipped: apt-get install postgresql failed"
            return 0
        fi
    fi
    # The first cluster pg_lsclusters lists: version, name, port, status.
    local version cluster port status
    read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
    if [ -z "${version:-}" ]; then
        echo "PostgreSQL tests skipped: no cluster found (pg_createcluster <version> main makes one)"
        return 0
    fi
    if [ "$status" != "online" ] && ! $sudo pg_ctlcluster "$version" "$cluster" start; then
        echo "PostgreSQL tests skipped: pg_ctlcluster $version $cluster start failed; see /var/log/postgresql/postgresql-$version-$cluster.log"
        return 0
    fi
    local psql=("${as_postgres[@]}" psql -X -q -p "$port" -d postgres -v ON_ERROR_STOP=1)
    if ! "${psql[@]}" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$TEST_POSTGRES_ROLE'" | grep -q 1; then
        "${psql[@]}" -c "CREATE ROLE $TEST_POSTGRES_ROLE LOGIN CREATEDB PASSWORD '$TEST_POSTGRES_PASSWORD'" || {
            echo "PostgreSQL tests skipped: could not create the role $TEST_POSTGRES_ROLE"; return 0; }
    fi
    if ! "${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$TEST_POSTGRES_ROLE'" | grep -q 1; then
        "${psql[@]}" -c "CREATE DATABASE $TEST_POSTGRES_ROLE OWNER $TEST_POSTGRES_ROLE" || {
            echo "PostgreSQL tests skipped: could not create the database $TEST_POSTGRES_ROLE"; return 0; }
    fi
    export LLMCOURSE_TEST_POSTGRES="postgres://$TEST_POSTGRES_ROLE:$TEST_POSTGRES_PASSWORD@127.0.0.1:$port/$TEST_POSTGRES_ROLE"
    echo "PostgreSQL tests: PostgreSQL $version on port $port (each test makes and drops its own database)"
}
