"""Every management command of the platform prints its help in French without crashing."""

from io import StringIO

import pytest
from django.core.management import get_commands, load_command_class

OWN_APPS = {"sites", "museums", "archives", "memorial", "tourism", "shop", "search"}
OWN_COMMANDS = sorted(name for name, app in get_commands().items() if app in OWN_APPS)


def test_own_commands_found():
    assert {"load_demo", "import_joconde", "import_ead", "import_tourinsoft"} <= set(OWN_COMMANDS)


@pytest.mark.parametrize("name", OWN_COMMANDS)
def test_command_help_renders(name):
    command = load_command_class(get_commands()[name], name)
    parser = command.create_parser("manage.py", name)
    output = StringIO()
    parser.print_help(output)
    assert output.getvalue().startswith("usage: manage.py")
    assert command.help
