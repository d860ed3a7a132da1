"""One logging helper: errors with their traceback into the QGIS message log (tab Sozialplanung), words to the user."""

import pytest
from qgis.core import Qgis, QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.processing.base import SozialplanungAlgorithm
from sozialplanung_plugin.toolbelt import log as logmod


@pytest.fixture
def messages(qgis_app):
    got = []

    def received(message, tag, level):
        got.append((message, tag, level))

    QgsApplication.messageLog().messageReceived.connect(received)
    yield got
    QgsApplication.messageLog().messageReceived.disconnect(received)


class Failing(SozialplanungAlgorithm):
    ALG_ID = "failingfortest"
    GROUP = "indicators"

    def __init__(self, error):
        super().__init__()
        self.error = error

    def displayName(self):  # noqa: N802
        return "Failing for the test"

    def createInstance(self):  # noqa: N802
        return Failing(self.error)

    def initAlgorithm(self, config=None):  # noqa: N802
        pass

    def compute(self, parameters, context, feedback):
        raise self.error


def run(alg):
    return alg.processAlgorithm({}, QgsProcessingContext(), QgsProcessingFeedback())


def test_log_error_writes_the_traceback_and_returns_the_words(messages):
    try:
        _ = 1 / 0
    except ZeroDivisionError as err:
        text = logmod.log_error(err, "Test: dividing")
    assert text == "division by zero"
    message, tag, level = messages[-1]
    assert tag == "Sozialplanung" and level == Qgis.MessageLevel.Critical
    assert message.startswith("Test: dividing: division by zero") and "Traceback" in message and "_ = 1 / 0" in message


def test_unexpected_error_in_an_algorithm_logged_with_traceback_user_gets_a_sentence(messages):
    with pytest.raises(QgsProcessingException) as ei:
        run(Failing(KeyError("kinderarmut_2025")))
    text = str(ei.value)
    assert text.startswith("Failing for the test stopped on an unexpected error: 'kinderarmut_2025'.")
    assert "message log (tab Sozialplanung)" in text and "Traceback" not in text
    logged = [m for m, tag, _ in messages if tag == "Sozialplanung"]
    assert logged and "sozialplanung:failingfortest" in logged[-1] and "Traceback" in logged[-1]
    assert "raise self.error" in logged[-1]


@pytest.mark.parametrize("error", [InputError("Table x.csv, line 3: 'zwölf' is not a number."), None])
def test_bad_input_is_the_user_s_message_and_not_logged(messages, error):
    error = error or QgsProcessingException("Choose a layer.")
    with pytest.raises(QgsProcessingException) as ei:
        run(Failing(error))
    assert str(ei.value) == str(error)
    assert not [m for m, tag, _ in messages if tag == "Sozialplanung"]
