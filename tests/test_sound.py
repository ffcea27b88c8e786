"""Choosing an audio player and falling back to the bell, without playing any audio."""

from __future__ import annotations

import wave

import pytest

from intervisie_tui.sound import Alerter, Player, chime_path, choose_player


def which_from(available: dict[str, str]):
    return lambda name: available.get(name)


@pytest.mark.parametrize(
    ("platform", "available", "expected"),
    [
        ("win32", {}, Player("winsound")),
        ("darwin", {"afplay": "/usr/bin/afplay"}, Player("command", ("/usr/bin/afplay",))),
        ("darwin", {}, None),
        (
            "linux",
            {"paplay": "/usr/bin/paplay", "aplay": "/usr/bin/aplay"},
            Player("command", ("/usr/bin/paplay",)),
        ),
        ("linux", {"pw-play": "/bin/pw-play"}, Player("command", ("/bin/pw-play",))),
        ("linux", {"aplay": "/usr/bin/aplay"}, Player("command", ("/usr/bin/aplay", "-q"))),
        ("linux", {}, None),
        ("freebsd14", {}, None),
    ],
)
def test_choose_player(platform, available, expected):
    assert choose_player(platform, which_from(available)) == expected


class Recorder:
    def __init__(self, fail: bool = False):
        self.calls: list[list[str]] = []
        self.bells = 0
        self.fail = fail

    def spawn(self, args, **kwargs):
        if self.fail:
            raise OSError("no audio device")
        self.calls.append(args)

    def bell(self):
        self.bells += 1


def test_chime_plays_the_shipped_file_with_the_chosen_player():
    rec = Recorder()
    alerter = Alerter("chime", rec.bell, Player("command", ("/usr/bin/paplay",)), rec.spawn)
    assert alerter.alert() == "chime"
    assert rec.calls == [["/usr/bin/paplay", str(chime_path())]]
    assert rec.bells == 0


def test_no_player_falls_back_to_the_bell_silently():
    rec = Recorder()
    assert Alerter("chime", rec.bell, None, rec.spawn).alert() == "bell"
    assert rec.bells == 1 and rec.calls == []


def test_a_broken_player_falls_back_to_the_bell_and_stays_there():
    rec = Recorder(fail=True)
    alerter = Alerter("chime", rec.bell, Player("command", ("/x/paplay",)), rec.spawn)
    assert alerter.alert() == "bell"
    rec.fail = False
    assert alerter.alert() == "bell"
    assert rec.calls == [] and rec.bells == 2


def test_modes_bell_and_off_and_per_phase_override():
    rec = Recorder()
    player = Player("command", ("/usr/bin/paplay",))
    assert Alerter("bell", rec.bell, player, rec.spawn).alert() == "bell"
    assert Alerter("off", rec.bell, player, rec.spawn).alert("chime") == "off"
    assert Alerter("chime", rec.bell, player, rec.spawn).alert("off") == "off"
    assert Alerter("chime", rec.bell, player, rec.spawn).alert("bell") == "bell"
    assert rec.calls == [] and rec.bells == 2


def test_the_chime_is_a_short_soft_wav():
    with wave.open(str(chime_path())) as w:
        seconds = w.getnframes() / w.getframerate()
        frames = w.readframes(w.getnframes())
    assert 0.5 <= seconds <= 2.0
    peak = max(
        abs(int.from_bytes(frames[i : i + 2], "little", signed=True))
        for i in range(0, len(frames), 2)
    )
    assert peak < 0.6 * 32767  # soft: well below full scale
