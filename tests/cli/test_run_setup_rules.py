"""`intervisie run ...` follows the setup's rules before any screen opens (issue 14).

Roles given on the command line clash by the same core rule as on the setup
screen; a case for a method without one is refused; a group size outside the
method's range needs `--force`. Each is one line on stderr, exit code 2.
"""

from __future__ import annotations

PEOPLE = ["--participants", "An,Bo,Cor,Dirk,Eva"]


def test_an_inbrenger_who_is_also_voorzitter_is_refused_naming_the_roles(run, opened):
    code, _, err = run(
        "run", "incidentmethode", *PEOPLE, "--role", "inbrenger=Bo", "--role", "voorzitter=Bo"
    )
    assert code == 2 and not opened
    assert "'Bo' kan niet tegelijk Inbrenger en Voorzitter zijn" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_roles_given_apart_start_and_the_suggestion_fills_the_rest(run, opened):
    code, _, err = run(
        "run", "incidentmethode", *PEOPLE, "--role", "inbrenger=Bo", "--role", "voorzitter=An"
    )
    assert (code, err) == (0, "")
    assert opened[0].request.roles == {"inbrenger": ("Bo",), "voorzitter": ("An",)}


def test_speedsparren_takes_no_case_or_help_question(run, opened):
    code, _, err = run(
        "run", "speedsparren", "--participants", "An,Bo,Cor,Dirk,Eva,Fien", "--question", "Hoe?"
    )
    assert code == 2 and not opened
    assert "Speedsparren heeft geen casus en geen hulpvraag" in err


def test_a_group_too_small_for_the_method_needs_force(run, opened):
    args = ["run", "incidentmethode", "--participants", "An,Bo,Cor", "--role", "inbrenger=An"]
    code, _, err = run(*args)
    assert code == 2 and not opened
    assert "3 deelnemers: Incidentmethode is voor 4 tot 12 deelnemers" in err
    assert "--force" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(*args, "--force")
    assert (code, err) == (0, "")
    assert opened[0].request.force is True


def test_the_force_option_is_in_the_help(run):
    code, out, _ = run("run", "--help")
    assert code == 0 and "--force" in out
