from core.text import clean_name, fold


def test_fold_removes_accents_and_case():
    assert fold("Savaş") == "savas"
    assert fold("Nguyễn Thị Lan") == "nguyen thi lan"
    assert fold("Łukasz Wróbel") == "lukasz wrobel"
    assert fold("Gülşen ÖZTÜRK") == "gulsen ozturk"
    assert fold("Straße") == "strasse"


def test_fold_treats_dotless_i_as_i():
    assert fold("Yılmaz") == "yilmaz"


def test_fold_collapses_spaces():
    assert fold("  Trần   Thị  ") == "tran thi"


def test_clean_name_composes_and_trims():
    decomposed = "Nguye\u0302\u0303n"  # e + circumflex + tilde, as some keyboards send it
    assert clean_name(f"  {decomposed}  ") == "Nguyễn"
