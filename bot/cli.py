"""`navigator`: the commands behind `make run`, `make test` and operators' chores."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import typer

from bot.infrastructure.config import ConfigError, Settings, load_settings
from bot.infrastructure.paths import PROJECT_ROOT

app = typer.Typer(help="Second Opinion Navigator", no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="Application database", no_args_is_help=True)
app.add_typer(db_app, name="db")
staff_app = typer.Typer(help="Staff console accounts", no_args_is_help=True)
app.add_typer(staff_app, name="staff")


def _settings() -> Settings:
    """The command's settings, read from the environment: the CLI is an edge like the
    web app, and hands them on explicitly; nothing in bot/ keeps a process-wide copy."""
    try:
        return load_settings()
    except ConfigError as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc


@app.callback()
def _main() -> None:
    # Rasa resolves config paths (e.g. the spaCy model) against the working directory.
    os.chdir(PROJECT_ROOT)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the application database to the newest schema."""
    from bot.infrastructure.migrate import upgrade

    upgrade(_settings().database_url)
    typer.echo("database schema is up to date")


@db_app.command("import")
def db_import(
    demo_data: bool = typer.Option(
        False, help="Also add flagged demo networks, services, languages (never real)."
    ),
) -> None:
    """Load (or refresh) the directory from data/directory; write import reports."""
    from bot.directory.seed import REPORT_DIR, import_all

    for report in import_all(_settings().database_url, demo_data=demo_data):
        path = report.write(REPORT_DIR)
        typer.echo(f"{report.summary()}  [{path.relative_to(PROJECT_ROOT)}]")


@staff_app.command("add")
def staff_add(
    username: str = typer.Argument(..., help="3-40 lower-case letters, digits, . _ -"),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
    admin: bool = typer.Option(False, "--admin", help="May read the audit log."),
) -> None:
    """Create a staff account (migrating the database first if needed)."""
    from bot.infrastructure.db import session_scope
    from bot.infrastructure.migrate import upgrade
    from bot.staff.accounts import AccountError, create_user

    if not password_stdin:
        typer.secho(
            "Pass the password on standard input with --password-stdin "
            "(never on the command line, where other users can see it).",
            fg="red",
            err=True,
        )
        raise typer.Exit(2)
    password = sys.stdin.readline().rstrip("\r\n")
    settings = _settings()
    upgrade(settings.database_url)
    try:
        with session_scope(settings.database_url) as session:
            create_user(
                session, username=username, password=password, role="admin" if admin else "staff"
            )
    except AccountError as exc:
        typer.secho(f"not created: {exc}", fg="red", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"created {'admin' if admin else 'staff'} account {username.strip().lower()}")


@app.command()
def train(
    force: bool = typer.Option(False, help="Retrain even if the inputs are unchanged."),
) -> None:
    """Train the dialogue model, only if its training inputs changed."""
    from bot.runtime.training import ensure_model

    path, trained = ensure_model(force=force)
    typer.echo(f"{'trained' if trained else 'reusing'} model {path.relative_to(PROJECT_ROOT)}")


@app.command("model-path")
def model_path_command() -> None:
    """Print the path of the model for the current training inputs."""
    from bot.runtime.training import model_path

    typer.echo(str(model_path()))


@app.command("evaluate-nlu")
def evaluate_nlu() -> None:
    """Score the NLU on the held-out splits; fail below the quality gates (every crisis,
    emergency and urgent message recognised, topic top-1 and top-3 at their targets,
    intent macro-F1 above its floor; docs/quality.md)."""
    from bot.runtime.evaluation import evaluate, report

    scores = evaluate()
    typer.echo(report(scores))
    if not scores.meets_targets:
        typer.secho("NLU quality is below target (docs/quality.md)", fg="red", err=True)
        raise typer.Exit(1)


@app.command()
def bootstrap() -> None:
    """Everything `run` needs: schema, spaCy pipeline, trained model."""
    from bot.directory.seed import is_seeded
    from bot.guidance import safety_model
    from bot.infrastructure.db import session_scope
    from bot.infrastructure.migrate import upgrade
    from bot.nlp.spacy_pipeline import write_pipeline
    from bot.runtime.training import ensure_model

    settings = _settings()
    upgrade(settings.database_url)
    with session_scope(settings.database_url, bounded=False) as session:
        seeded = is_seeded(session)
    if not seeded:
        db_import(demo_data=False)
    write_pipeline()
    safety_model.ensure_model()
    path, trained = ensure_model()
    typer.echo(f"{'trained' if trained else 'reusing'} model {path.relative_to(PROJECT_ROOT)}")


@app.command()
def run(skip_bootstrap: bool = typer.Option(False, help="Assume `bootstrap` already ran.")) -> None:
    """Start the whole stack (web API, dialogue engine, actions) in one process tree."""
    import uvicorn

    from bot.infrastructure.logging_setup import configure_logging
    from bot.infrastructure.process import terminate_with_parent

    settings = _settings()
    terminate_with_parent()
    # Library deprecation chatter would bury the start-up messages an operator needs;
    # PYTHONWARNINGS carries the filter into uvicorn's worker processes too.
    os.environ["PYTHONWARNINGS"] = "ignore::DeprecationWarning,ignore::UserWarning"
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.simplefilter("ignore", UserWarning)
    if not skip_bootstrap:
        bootstrap()
    configure_logging(settings.log_level)
    typer.echo(
        f"Second Opinion Navigator starting on http://{settings.host}:{settings.port}/ "
        f"(API docs at /docs; /readyz turns 200 once the model is loaded). Ctrl-C stops it."
    )
    uvicorn.run(
        "api.main:app_factory",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        proxy_headers=bool(settings.forwarded_allow_ips),
        forwarded_allow_ips=settings.forwarded_allow_ips or None,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=5,
    )


@app.command()
def cluster(
    processes: int = typer.Option(2, min=1, max=16, help="App processes behind the balancer."),
) -> None:
    """Start several app processes behind HAProxy on this machine (PORT is the balancer's;
    the apps take the ports after it). They share the tracker store and the lock, so
    TRACKER_STORE_URL should be PostgreSQL and LOCK_STORE_URL Redis."""
    from bot.infrastructure.db import ensure_database
    from bot.runtime.cluster import Cluster

    settings = _settings()
    if processes > 1 and not settings.lock_store_url:
        typer.secho("cluster needs LOCK_STORE_URL=redis://...", fg=typer.colors.RED, err=True)
        raise typer.Exit(2)
    ensure_database(settings.tracker_store_url)
    running = Cluster(settings, processes, PROJECT_ROOT / "var" / "cluster")

    def announce() -> None:
        typer.echo(
            f"Cluster ready: {running.base}/ ({processes} app processes on ports "
            f"{', '.join(map(str, running.app_ports))} behind HAProxy). Ctrl-C stops them."
        )

    raise typer.Exit(running.serve(announce))


@app.command("validate-data")
def validate_data() -> None:
    """Rasa's own checks of the domain (as composed with the catalogue's responses),
    the training data and the stories, failing on any warning."""
    from bot.runtime.training import compose_domain, rasa_environment

    command = [sys.executable, "-m", "rasa", "data", "validate", "--fail-on-warnings"]
    command += ["--config", "config.yml", "--domain", str(compose_domain())]
    command += ["--data", "data/nlu", "data/stories"]
    completed = subprocess.run(command, cwd=PROJECT_ROOT, env=rasa_environment())
    raise typer.Exit(completed.returncode)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def rasa(ctx: typer.Context) -> None:
    """Run Rasa's own CLI with telemetry off, from the project root."""
    from bot.runtime.training import rasa_environment

    completed = subprocess.run(
        [sys.executable, "-m", "rasa", *ctx.args], cwd=PROJECT_ROOT, env=rasa_environment()
    )
    raise typer.Exit(completed.returncode)
