namespace Commerce.Bench.DataGen;

/// <summary>A writing system the generated titles and names are written in.</summary>
internal enum Script
{
    Latin,
    Cyrillic,
    Cjk,
    Korean,
}

/// <summary>
/// The words titles, descriptions and category names are made of. Latin words carry diacritics (French, German,
/// Czech, Polish, Nordic, Spanish), Cyrillic ones include ё, CJK ones are Chinese and Japanese, Korean ones are Hangul (two-syllable
/// words are common there, as in Chinese, and are what shoppers type). Every word is
/// written precomposed (NFC), and the generator still runs each title through the service's own text rules.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] LatinAdjectives =
    [
        "Élégant", "Schöne", "Rápido", "Čistý", "Świeży", "Förnäm", "Doux", "Fröhlich", "Lumière", "Größte",
        "Økonomisk", "Señorial", "Příjemný", "Zwinny", "Léger", "Kräftig", "Pequeño", "Tichý", "Ołówkowy", "Fin",
    ];

    public static readonly string[] LatinNouns =
    [
        "Kávovar", "Kühlschrank", "Crème", "Café", "Mixér", "Teekanne", "Lámpara", "Łóżko", "Žehlička", "Pâtisserie",
        "Smörgåsbord", "Façade", "Tastatur", "Bürostuhl", "Señal", "Haartrockner", "Wasserkocher", "Staubsauger",
        "Fußmatte", "Théière", "Cafetière", "Vysavač", "Czajnik", "Ordenador", "Köksbord", "Écouteurs", "Mikrovlnka",
        "Słuchawki", "Mütze", "Almohada",
    ];

    public static readonly string[] LatinBrands =
    [
        "Zöllner", "Åkerlund", "Nørgaard", "Müller", "Dvořák", "Łukasik", "Peña", "Benoît", "Ström", "Kovář",
    ];

    public static readonly string[] CyrillicAdjectives =
    [
        "Компактный", "Умный", "Беспроводной", "Тихий", "Лёгкий", "Мощный", "Складной", "Новый", "Прочный", "Удобный",
        "Ёмкий", "Быстрый",
    ];

    public static readonly string[] CyrillicNouns =
    [
        "чайник", "пылесос", "холодильник", "наушники", "утюг", "ноутбук", "смартфон", "фен", "блендер", "кофеварка",
        "телевизор", "монитор", "самовар", "обогреватель", "пылесборник", "светильник", "ёлка", "рюкзак",
    ];

    public static readonly string[] CyrillicBrands = ["Берёзка", "Восход", "Заря", "Байкал", "Сокол", "Радуга", "Ветерок"];

    public static readonly string[] CjkAdjectives = ["超薄", "无线", "智能", "便携", "静音", "高清", "省エネ", "多機能", "防水", "轻量"];

    public static readonly string[] CjkNouns =
    [
        "耳机", "咖啡机", "笔记本电脑", "吸尘器", "电水壶", "显示器", "键盘", "空气净化器", "コーヒーメーカー", "ヘッドホン",
        "掃除機", "炊飯器", "電子レンジ", "扇風機", "冷蔵庫", "加湿器", "背包", "双肩背包",
    ];

    public static readonly string[] CjkBrands = ["华彩", "星光", "青山", "富士見", "長城", "桜電機", "紫竹"];

    public static readonly string[] KoreanAdjectives = ["초경량", "무선", "스마트", "휴대용", "저소음", "고화질", "절전형", "다기능", "방수", "대용량"];

    public static readonly string[] KoreanNouns =
    [
        "냉장고", "운동화", "이어폰", "커피머신", "노트북", "청소기", "전기포트", "모니터", "키보드", "공기청정기", "가습기",
        "전자레인지", "선풍기", "밥솥", "운동복", "배낭",
    ];

    public static readonly string[] KoreanBrands = ["한빛", "새솔", "푸른산", "별빛", "다온", "가람", "누리"];

    public static readonly string[] KoreanSentences =
    [
        "가정과 사무실에서 사용하기 좋습니다.",
        "튼튼한 외관으로 청소가 쉽습니다.",
        "제조사 보증 기간은 2년입니다.",
        "조용하고 전력 소모가 적습니다.",
        "가족 선물로 좋습니다.",
    ];

    public static readonly string[] LatinSentences =
    [
        "Idéal pour la cuisine et le bureau.",
        "Hergestellt aus langlebigem Material, leicht zu reinigen.",
        "Diseño compacto, fácil de usar todos los días.",
        "Spolehlivý výrobek s dvouletou zárukou.",
        "Świetny wybór na prezent dla całej rodziny.",
        "Tyst, energisnål och lätt att flytta.",
        "Livré avec un câble de 1,5 m et une notice détaillée.",
    ];

    public static readonly string[] CyrillicSentences =
    [
        "Подходит для дома и офиса.",
        "Корпус из прочного пластика, легко чистится.",
        "Гарантия производителя — два года.",
        "Работает тихо и потребляет мало энергии.",
        "Отличный подарок для всей семьи.",
    ];

    public static readonly string[] CjkSentences =
    [
        "适合家庭和办公室使用。",
        "外壳坚固，易于清洁。",
        "静かで省エネ、持ち運びも簡単です。",
        "提供两年质保服务。",
        "ご家族へのプレゼントに最適です。",
    ];

    /// <summary>Category nouns; the generator adds a number when siblings would share one.</summary>
    public static readonly string[] CategoryNames =
    [
        "Électroménager", "Küche", "Büro", "Garten & Außen", "Koupelna", "Oświetlenie", "Jídelna", "Señalización",
        "Бытовая техника", "Кухня", "Освещение", "Электроника", "Спорт и отдых", "Детские товары", "Ёлочные игрушки",
        "家电", "厨房用品", "办公设备", "照明", "キッチン家電", "生活雑貨", "オーディオ", "주방가전", "생활용품", "음향기기",
        "Audio", "Café & Thé", "Outillage", "Zubehör", "Příslušenství", "Akcesoria", "Möbler", "Decoración",
    ];

    public static string[] Adjectives(Script script) => script switch
    {
        Script.Latin => LatinAdjectives,
        Script.Cyrillic => CyrillicAdjectives,
        Script.Korean => KoreanAdjectives,
        _ => CjkAdjectives,
    };

    public static string[] Nouns(Script script) => script switch
    {
        Script.Latin => LatinNouns,
        Script.Cyrillic => CyrillicNouns,
        Script.Korean => KoreanNouns,
        _ => CjkNouns,
    };

    public static string[] Brands(Script script) => script switch
    {
        Script.Latin => LatinBrands,
        Script.Cyrillic => CyrillicBrands,
        Script.Korean => KoreanBrands,
        _ => CjkBrands,
    };

    public static string[] Sentences(Script script) => script switch
    {
        Script.Latin => LatinSentences,
        Script.Cyrillic => CyrillicSentences,
        Script.Korean => KoreanSentences,
        _ => CjkSentences,
    };

    /// <summary>Three-letter SKU prefixes, one per brand of each script (ASCII, as SKUs must be).</summary>
    public static string SkuPrefix(Script script, int brand) => script switch
    {
        Script.Latin => "LT" + (char)('A' + brand),
        Script.Cyrillic => "CY" + (char)('A' + brand),
        Script.Korean => "KO" + (char)('A' + brand),
        _ => "CJ" + (char)('A' + brand),
    };
}
